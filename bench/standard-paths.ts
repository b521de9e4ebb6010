import { randomUUID } from 'node:crypto';
import type { CivicClient } from '../test/support/civic-client';

/**
 * The standard paths of a case (issue 14), driven through the running server as people work: each
 * person opens the case before acting on it, and acts once the workflow waits in their step (people
 * act minutes later, not in the same millisecond). Each returns the names of the case's executions.
 */
export interface StandardPath {
  readonly name: string;
  drive(civic: CivicClient): Promise<string[]>;
}

export const LETTER_PATH = 'letter: transfer, sign, reply, review, rating';
export const DIRECT_ANSWER_PATH = 'hotline call answered at intake, rated';

/**
 * The letter form and the hotline desk send each submission with its own Idempotency-Key
 * (web/src/citizen/submission.ts, LogCall.vue), so a counted submission writes its idempotency
 * record as theirs do.
 */
const asTheFormsSubmit = () => ({ 'Idempotency-Key': randomUUID() });

const TRANSFER = { type: 'transfer', departmentId: 'dept-housing', instructions: '请核实并处理' };
const SATISFIED = { resolved: true, satisfaction: 'satisfied' };

async function act(
  civic: CivicClient,
  username: string,
  caseId: string,
  action: Record<string, unknown>,
): Promise<void> {
  await civic.viewAsStaff(username, caseId);
  await civic.must(username, caseId, action);
}

/** Transfer (unless already signed), sign, reply, review: the case waits for its rating. */
async function toRating(civic: CivicClient, caseId: string, execution = caseId, signed = false) {
  if (!signed) {
    await civic.waitingIn(execution, 'AwaitTriage');
    await act(civic, 'dispatcher1', caseId, TRANSFER);
    await civic.waitingIn(execution, 'AwaitHandling');
    await act(civic, 'housing1', caseId, { type: 'sign' });
  }
  await civic.waitingIn(execution, 'AwaitHandling');
  await act(civic, 'housing1', caseId, { type: 'reply', content: '已处理。' });
  await civic.waitingIn(execution, 'AwaitReview');
  await act(civic, 'reviewer1', caseId, { type: 'review', approve: true });
  await civic.waitingIn(execution, 'AwaitRating');
}

export const STANDARD_PATHS: readonly StandardPath[] = [
  {
    name: LETTER_PATH,
    async drive(civic) {
      const { caseId, queryCode } = await civic.submitLetter({}, asTheFormsSubmit());
      await toRating(civic, caseId);
      await civic.viewAsCitizen(caseId, queryCode);
      await civic.rateAsCitizen(caseId, queryCode, SATISFIED);
      return [caseId];
    },
  },
  {
    name: DIRECT_ANSWER_PATH,
    async drive(civic) {
      const call = await civic.logTicket(
        'operator1',
        {
          caller: { name: '李四', phone: '13912345678' },
          type: 'consult',
          content: '请问居住证怎么办理？',
          answer: '携带身份证和租房合同到社区服务中心办理。',
        },
        asTheFormsSubmit(),
      );
      const caseId = call.body.caseId as string;
      await civic.waitingIn(caseId, 'AwaitRating');
      await act(civic, 'operator1', caseId, { type: 'rate', ...SATISFIED });
      return [caseId];
    },
  },
  {
    name: 'letter with an approved extension',
    async drive(civic) {
      const { caseId, queryCode } = await civic.submitLetter({}, asTheFormsSubmit());
      await civic.waitingIn(caseId, 'AwaitTriage');
      await act(civic, 'dispatcher1', caseId, TRANSFER);
      await civic.waitingIn(caseId, 'AwaitHandling');
      await act(civic, 'housing1', caseId, { type: 'sign' });
      await act(civic, 'housing1', caseId, {
        type: 'request_extension',
        workingDays: 5,
        reason: '需现场勘查',
      });
      const before = (await civic.execution(caseId)).transitions;
      await act(civic, 'dispatcher1', caseId, { type: 'decide_extension', approve: true });
      // The department replies days later, once the workflow waits on the new deadline.
      await civic.waitingIn(caseId, 'AwaitHandling', { afterTransitions: before });
      await toRating(civic, caseId, caseId, true);
      await civic.rateAsCitizen(caseId, queryCode, SATISFIED);
      return [caseId];
    },
  },
  {
    name: 'letter reopened once (two executions)',
    async drive(civic) {
      const { caseId, queryCode } = await civic.submitLetter({}, asTheFormsSubmit());
      await toRating(civic, caseId);
      await civic.rateAsCitizen(caseId, queryCode, { resolved: false, satisfaction: 'dissatisfied' });
      await act(civic, 'leader1', caseId, { type: 'reopen', reason: '群众反映问题未解决' });
      const round = `${caseId}-reopen-1`;
      await toRating(civic, caseId, round, true);
      await civic.rateAsCitizen(caseId, queryCode, SATISFIED);
      return [caseId, round];
    },
  },
];

/** Until every named execution has ended; then their summed state transitions. */
export async function transitionsOnceFinished(civic: CivicClient, names: readonly string[]): Promise<number> {
  let transitions = 0;
  for (const name of names) {
    for (let i = 0; ; i += 1) {
      const execution = await civic.execution(name);
      if (execution.status === 'SUCCEEDED') {
        transitions += execution.transitions;
        break;
      }
      if (i > 500) throw new Error(`${name} did not finish: ${execution.status}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return transitions;
}
