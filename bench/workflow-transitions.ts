import type { CivicClient } from '../test/support/civic-client';

/** The standard paths of issue 14, each with the state transitions its executions cost. */
export interface PathTransitions {
  readonly path: string;
  readonly transitions: number;
  readonly executions: number;
}

export const LETTER_PATH = 'letter: transfer, sign, reply, review, rating';
export const DIRECT_ANSWER_PATH = 'hotline call answered at intake, rated';

const TRANSFER = { type: 'transfer', departmentId: 'dept-housing', instructions: '请核实并处理' };

/**
 * Drives each standard path through the running server, acting only once the workflow waits in the
 * step that takes the action (people act minutes later, not in the same millisecond), and reads the
 * transitions from GET /local/executions/{name} once every execution of the case has ended.
 */
export async function workflowTransitions(civic: CivicClient): Promise<PathTransitions[]> {
  const letterToRating = async (caseId: string, signed = false) => {
    if (!signed) {
      await civic.waitingIn(caseId, 'AwaitTriage');
      await civic.must('dispatcher1', caseId, TRANSFER);
      await civic.waitingIn(caseId, 'AwaitHandling');
      await civic.must('housing1', caseId, { type: 'sign' });
    }
    await civic.waitingIn(caseId, 'AwaitHandling');
    await civic.must('housing1', caseId, { type: 'reply', content: '已处理。' });
    await civic.waitingIn(caseId, 'AwaitReview');
    await civic.must('reviewer1', caseId, { type: 'review', approve: true });
    await civic.waitingIn(caseId, 'AwaitRating');
  };
  const finished = async (path: string, names: string[]): Promise<PathTransitions> => {
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
    return { path, transitions, executions: names.length };
  };

  const letter = await civic.submitLetter();
  await letterToRating(letter.caseId);
  await civic.rateAsCitizen(letter.caseId, letter.queryCode, { resolved: true, satisfaction: 'satisfied' });

  const call = await civic.logTicket('operator1', {
    caller: { name: '李四', phone: '13912345678' },
    type: 'consult',
    content: '请问居住证怎么办理？',
    answer: '携带身份证和租房合同到社区服务中心办理。',
  });
  const callId = call.body.caseId as string;
  await civic.waitingIn(callId, 'AwaitRating');
  await civic.must('operator1', callId, { type: 'rate', resolved: true, satisfaction: 'satisfied' });

  const extended = await civic.submitLetter();
  await civic.waitingIn(extended.caseId, 'AwaitTriage');
  await civic.must('dispatcher1', extended.caseId, TRANSFER);
  await civic.waitingIn(extended.caseId, 'AwaitHandling');
  await civic.must('housing1', extended.caseId, { type: 'sign' });
  await civic.must('housing1', extended.caseId, {
    type: 'request_extension',
    workingDays: 5,
    reason: '需现场勘查',
  });
  await civic.must('dispatcher1', extended.caseId, { type: 'decide_extension', approve: true });
  await letterToRating(extended.caseId, true);
  await civic.rateAsCitizen(extended.caseId, extended.queryCode, {
    resolved: true,
    satisfaction: 'satisfied',
  });

  const reopened = await civic.submitLetter();
  await letterToRating(reopened.caseId);
  await civic.rateAsCitizen(reopened.caseId, reopened.queryCode, {
    resolved: false,
    satisfaction: 'dissatisfied',
  });
  await civic.must('leader1', reopened.caseId, { type: 'reopen', reason: '群众反映问题未解决' });
  const round = `${reopened.caseId}-reopen-1`;
  await civic.waitingIn(round, 'AwaitHandling');
  await civic.must('housing1', reopened.caseId, { type: 'reply', content: '已再次处理。' });
  await civic.waitingIn(round, 'AwaitReview');
  await civic.must('reviewer1', reopened.caseId, { type: 'review', approve: true });
  await civic.waitingIn(round, 'AwaitRating');
  await civic.rateAsCitizen(reopened.caseId, reopened.queryCode, {
    resolved: true,
    satisfaction: 'satisfied',
  });

  return [
    await finished(LETTER_PATH, [letter.caseId]),
    await finished(DIRECT_ANSWER_PATH, [callId]),
    await finished('letter with an approved extension', [extended.caseId]),
    await finished('letter reopened once (two executions)', [reopened.caseId, round]),
  ];
}
