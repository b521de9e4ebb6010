import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Errors,
  IntegrationPattern,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import {
  followingStep,
  REPLAN_ERROR,
  WORKFLOW_SEQUENCE,
  type WorkflowStep,
} from '../../shared/domain/lifecycle/workflow-plan';
import { targetFeatures } from '../deploy-target';

export interface CaseLifecycleFunctions {
  readonly plan: IFunction;
  readonly await: IFunction;
  readonly escalate: IFunction;
  readonly closeUnrated: IFunction;
}

/** The wait state of each human step, named for the phase it stands for. */
const WAIT_STATES = {
  triage: 'AwaitTriage',
  handling: 'AwaitHandling',
  review: 'AwaitReview',
  follow_up: 'AwaitRating',
} as const satisfies Record<Exclude<WorkflowStep, 'done'>, string>;

/**
 * CaseLifecycle: one Standard state machine for all three kinds. Each human step is a wait state
 * (.waitForTaskToken, timing out at the step's working-day deadline); the wait states are chained
 * in the domain's WORKFLOW_SEQUENCE (triage → handling → review → follow-up, which ends it), and whoever
 * completes a step's token sends the next step's plan along, so a case that simply moves on costs
 * one state transition per step (Standard bills per transition). Anything else — a return, an
 * extension, a reply sent back, a reopened round — fails the token with REPLAN_ERROR, and the
 * machine plans from the case table and routes to the right wait. A timeout escalates through
 * Catch: a yellow then a red card in triage, handling and review; an unrated close in follow-up.
 * The execution's input carries the first plan, so it can start at any step (new, answered at
 * intake, reopened, resumed).
 */
export class CaseLifecycle extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, fn: CaseLifecycleFunctions) {
    super(scope, id);
    // Every task gets the id of the change that moved the case (the plan carries it), for its logs.
    const correlationId = JsonPath.stringAt('$.plan.correlationId');
    const caseOnly = TaskInput.fromObject({ caseId: JsonPath.stringAt('$.caseId'), correlationId });
    const invoke = (stateId: string, lambdaFunction: IFunction, resultPath: string, payload = caseOnly) =>
      new LambdaInvoke(this, stateId, {
        lambdaFunction,
        payload,
        payloadResponseOnly: true,
        resultPath,
      }).addRetry({
        errors: [Errors.TASKS_FAILED],
        maxAttempts: 3,
        backoffRate: 2,
      });

    // The plan also gets the execution's round: a case reopened meanwhile belongs to a newer execution.
    const plan = invoke(
      'PlanNextStep',
      fn.plan,
      '$.plan',
      TaskInput.fromObject({
        caseId: JsonPath.stringAt('$.caseId'),
        round: JsonPath.numberAt('$.round'),
        correlationId,
      }),
    );
    const escalate = invoke('EscalateOverdue', fn.escalate, JsonPath.DISCARD).next(plan);
    const closeUnrated = invoke('CloseUnrated', fn.closeUnrated, JsonPath.DISCARD).next(plan);
    const finished = new Succeed(this, 'CaseFinished');

    const waits = new Map<WorkflowStep, LambdaInvoke>();
    for (const step of WORKFLOW_SEQUENCE) {
      if (step === 'done') continue;
      const wait = new LambdaInvoke(this, WAIT_STATES[step], {
        lambdaFunction: fn.await,
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: TaskInput.fromObject({
          caseId: JsonPath.stringAt('$.caseId'),
          step,
          round: JsonPath.numberAt('$.round'),
          planKey: JsonPath.stringAt('$.plan.planKey'),
          taskToken: JsonPath.taskToken,
          correlationId,
        }),
        taskTimeout: Timeout.at('$.plan.timeoutSeconds'),
        // The token's output is the following step's plan.
        resultPath: '$.plan',
      });
      // A wait whose function failed (a fault that outlasted the SDK's retries) is tried again, as
      // the planning tasks are, instead of failing the execution. Retriers match in order: a
      // replan sent back for the token is allowed none, and goes to its Catch.
      wait.addRetry({ errors: [REPLAN_ERROR], maxAttempts: 0 });
      wait.addRetry({ errors: [Errors.TASKS_FAILED], maxAttempts: 3, backoffRate: 2 });
      wait.addCatch(step === 'follow_up' ? closeUnrated : escalate, {
        errors: [Errors.TIMEOUT],
        resultPath: JsonPath.DISCARD,
      });
      wait.addCatch(plan, { errors: [REPLAN_ERROR], resultPath: JsonPath.DISCARD });
      waits.set(step, wait);
    }
    // The last wait ends the execution itself: a final Succeed state would cost one more transition.
    for (const [step, wait] of waits) {
      const following = waits.get(followingStep(step));
      if (following) wait.next(following);
    }

    // A plan names its step; an execution started before plans travelled in the input plans first.
    const route = new Choice(this, 'RouteToStep');
    for (const [step, wait] of waits) route.when(Condition.stringEquals('$.plan.step', step), wait);
    route.when(Condition.stringEquals('$.plan.step', 'done'), finished).otherwise(plan);
    plan.next(route);

    const { tracing } = targetFeatures(this.node);
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(route),
      comment: 'CivicLine case lifecycle: triage (转办) → handling (办理) → review (审核) → follow-up (回访)',
      tracingEnabled: tracing,
      logs: {
        destination: new LogGroup(this, 'Logs', {
          retention: RetentionDays.SIX_MONTHS,
          removalPolicy: RemovalPolicy.RETAIN,
        }),
        level: LogLevel.ALL,
        // State inputs and outputs stay out of the logs: they carry case ids and replies.
        includeExecutionData: false,
      },
    });
    if (!tracing) {
      Validations.of(this.stateMachine).acknowledge({
        id: 'AwsSolutions::AwsSolutions-SF2',
        reason: 'X-Ray is not available in the AWS China regions; executions are logged (level ALL) instead.',
      });
    }
    const role = this.stateMachine.role;
    Validations.of(role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing and CloudWatch Logs delivery (logs:CreateLogDelivery, logs:DescribeLogGroups …) have no resource-level permissions.',
    });
    for (const step of Object.values(fn)) {
      const logicalId = Stack.of(this).getLogicalId(step.node.defaultChild as CfnFunction);
      Validations.of(role).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
        reason:
          'LambdaInvoke grants the step function and its own versions (`:*` qualifies this one function only).',
      });
    }
  }
}
