import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import type { Case } from '../../shared/domain/case';
import { actionFor, stepSeed } from '../support/action-arbitrary';
import { expectValidCase } from '../support/case-invariants';
import { CivicClient, statisticsDifferences } from '../support/civic-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';

let server: ServerProcess;
let civic: CivicClient;

beforeAll(async () => {
  server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-properties-')),
    CIVICLINE_DATABASE: 'memory',
  });
  civic = new CivicClient(server.url);
});

afterAll(async () => {
  await server?.stop();
});

describe('random action sequences by random roles, through HTTP, the handlers and the workflow', () => {
  it('never answer 5xx and never leave a case invalid or its timeline unexplained', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepSeed, { minLength: 5, maxLength: 25 }), async (seeds) => {
        const { caseId, queryCode } = await civic.submitLetter();
        let view = (await civic.viewAsStaff('dispatcher1', caseId)).body as unknown as Case;
        for (const seed of seeds) {
          const { actor, action } = actionFor(view, seed);
          const reply =
            actor.kind === 'citizen'
              ? action.type === 'rate'
                ? await civic.rateAsCitizen(caseId, queryCode, {
                    resolved: action.resolved,
                    satisfaction: action.satisfaction,
                  })
                : undefined
              : await civic.act(actor.kind === 'staff' ? actor.username : 'dispatcher1', caseId, {
                  ...action,
                  ...(action.type === 'merge' ? { intoCaseId: caseId.replace(/\d{6}$/, '000001') } : {}),
                });
          if (reply) expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(500);
          view = (await civic.viewAsStaff('dispatcher1', caseId)).body as unknown as Case;
          expectValidCase({ ...view, firstReplySource: firstReplySource(view) });
        }
      }),
      { numRuns: 12 },
    );
  });
});

/** The staff view does not carry firstReplySource; its timeline tells it. */
function firstReplySource(view: Case): Case['firstReplySource'] {
  const first = view.timeline.find(
    (e) => e.action === 'answer' || (e.action === 'review' && e.status === 'replied'),
  );
  if (!first) return undefined;
  return first.action === 'answer' ? 'answer' : 'department';
}

describe('statistics after these scenarios', () => {
  it('agree with a recount of every case (npm run stats:verify)', async () => {
    expect(await statisticsDifferences(civic)).toEqual([]);
  });
});
