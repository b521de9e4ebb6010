import type { Case } from '../domain/case';
import type { StepPlan, WorkflowStep } from '../domain/lifecycle/workflow-plan';

/** The CaseLifecycle state machine, as the use cases see it. */
export interface Workflow {
  /**
   * Starts tracking a case from whatever stage it is in (new, reopened, or resumed). The execution
   * is named after the case, so starting a case that is already tracked is harmless.
   */
  startCase(c: Case): Promise<void>;
  /**
   * Starts a new execution for a case whose workflow stopped (it failed, or never started): named
   * after the case and the moment, since the case's own execution name is taken.
   */
  resumeCase(c: Case, at: Date): Promise<void>;
  /** Whether a wait step of the case's workflow is waiting right now. */
  isWaiting(caseId: string): Promise<boolean>;
  /**
   * Tells the workflow a case changed: a waiting step whose plan no longer holds is completed —
   * with the following step's plan when the case moved on to it, or failed into planning again.
   */
  caseChanged(c: Case): Promise<void>;
  /**
   * Records the task token a wait step waits on, then reads the case (`readCase`, after the write)
   * and completes the token at once if the case has already moved on.
   */
  awaitStep(task: WaitingTask, readCase: () => Promise<Case | undefined>): Promise<void>;
}

/** The plan of a case already read, for the execution of `round` (the case's reopen count then). */
export type StepPlanner = (c: Case | undefined, round: number) => Promise<StepPlan>;

export interface WaitingTask {
  readonly caseId: string;
  readonly step: WorkflowStep;
  /** The waiting execution's round; items recorded before rounds were kept have none. */
  readonly round?: number;
  readonly planKey: string;
  readonly taskToken: string;
}
