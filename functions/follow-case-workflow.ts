import { logger } from '../shared/runtime/logger';
import { workflowFollowingDependencies } from '../shared/runtime/stream-dependencies';
import { streamHandler } from '../shared/runtime/stream-handler';
import { inGroups } from '../shared/streams/stream-batch';
import { caseVersionOf } from '../shared/streams/stream-images';
import { caseRounds, followCaseRound } from '../shared/use-cases/follow-case-workflow';

const deps = workflowFollowingDependencies();

/**
 * The case tables' streams → the CaseLifecycle workflow: a stored case starts its execution, and a
 * stored change completes the wait step it ends, in the order the case changed.
 */
export const handler = streamHandler(
  'follow-case-workflow',
  caseVersionOf,
  inGroups(caseRounds, async (round) => {
    await followCaseRound(deps, round);
    logger.debug('workflow followed', { caseId: round[0]?.after.caseId, versions: round.length });
  }),
);
