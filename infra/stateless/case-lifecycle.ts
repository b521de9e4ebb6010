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

export interface CaseLifecycleFunctions {
  readonly plan: IFunction;
  readonly await: IFunction;
  readonly escalate: IFunction;
  readonly closeUnrated: IFunction;
  readonly deliverReply: IFunction;
}

/**
 * CaseLifecycle: one Standard state machine for all three kinds. It plans the case's current step
 * from the case table, waits for the people of that step (.waitForTaskToken, timing out at the
 * step's working-day deadline), and escalates through Catch: a handling, triage or review
 * timeout gives a yellow then a red card and keeps waiting; a follow-up timeout closes the case
 * unrated. Every wait ends in a new plan, so the machine can start at any stage (new case,
 * reopened case, resumed case) and an extension or a return simply re-plans.
 */
export class CaseLifecycle extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, fn: CaseLifecycleFunctions) {
    super(scope, id);
    const caseOnly = TaskInput.fromObject({ caseId: JsonPath.stringAt('$.caseId') });
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
      TaskInput.fromObject({ caseId: JsonPath.stringAt('$.caseId'), round: JsonPath.numberAt('$.round') }),
    );
    const escalate = invoke('EscalateOverdue', fn.escalate, JsonPath.DISCARD).next(plan);
    const closeUnrated = invoke('CloseUnrated', fn.closeUnrated, JsonPath.DISCARD).next(plan);

    const waitFor = (stateId: string, step: string) =>
      new LambdaInvoke(this, stateId, {
        lambdaFunction: fn.await,
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: TaskInput.fromObject({
          caseId: JsonPath.stringAt('$.caseId'),
          step,
          planKey: JsonPath.stringAt('$.plan.planKey'),
          taskToken: JsonPath.taskToken,
        }),
        taskTimeout: Timeout.at('$.plan.timeoutSeconds'),
        resultPath: '$.outcome',
      });

    const triage = waitFor('AwaitTriage', 'triage');
    triage.addCatch(escalate, { errors: [Errors.TIMEOUT], resultPath: JsonPath.DISCARD }).next(plan);
    const handling = waitFor('AwaitHandling', 'handling');
    handling.addCatch(escalate, { errors: [Errors.TIMEOUT], resultPath: JsonPath.DISCARD }).next(plan);
    const review = waitFor('AwaitReview', 'review');
    review.addCatch(escalate, { errors: [Errors.TIMEOUT], resultPath: JsonPath.DISCARD }).next(plan);
    const rating = waitFor('AwaitRating', 'follow_up');
    rating.addCatch(closeUnrated, { errors: [Errors.TIMEOUT], resultPath: JsonPath.DISCARD }).next(plan);
    const deliverReply = invoke('DeliverReply', fn.deliverReply, JsonPath.DISCARD).next(rating);

    const route = new Choice(this, 'RouteToStep')
      .when(Condition.stringEquals('$.plan.step', 'triage'), triage)
      .when(Condition.stringEquals('$.plan.step', 'handling'), handling)
      .when(Condition.stringEquals('$.plan.step', 'review'), review)
      .when(Condition.stringEquals('$.plan.step', 'follow_up'), deliverReply)
      .otherwise(new Succeed(this, 'CaseFinished'));
    plan.next(route);

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(plan),
      comment: 'CivicLine case lifecycle: triage → handling → review → reply → follow-up',
      tracingEnabled: true,
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
