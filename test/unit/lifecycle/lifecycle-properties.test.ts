import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/case';
import { CivicError } from '../../../shared/domain/errors';
import { applyAction } from '../../../shared/domain/lifecycle/apply-action';
import { actionFor, stepSeed } from '../../support/action-arbitrary';
import { expectValidCase } from '../../support/case-invariants';
import { contextAt, newCase } from '../../support/domain-fixtures';

describe('any sequence of actions by any roles', () => {
  it('leaves a valid case whose timeline explains its status, and refuses only with 4xx', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepSeed, { maxLength: 40 }), (seeds) => {
        let c: Case = newCase();
        let now = new Date(c.createdAt).getTime();
        for (const seed of seeds) {
          now += seed.hoursLater * 3_600_000;
          const { actor, action } = actionFor(c, seed);
          try {
            c = applyAction(c, action, actor, contextAt(new Date(now).toISOString())).after;
          } catch (error) {
            expect(error).toBeInstanceOf(CivicError);
            expect((error as CivicError).status).toBeGreaterThanOrEqual(400);
            expect((error as CivicError).status).toBeLessThan(500);
          }
          expectValidCase(c);
          reached.add(c.status);
          if (c.reopenCount > 0) reached.add('reopened');
          if (c.returnCount > 0) reached.add('returned');
        }
      }),
      { numRuns: 300 },
    );
    // The generator must actually reach the deep corners of the lifecycle.
    for (const corner of ['reviewing', 'replied', 'closed', 'rejected', 'merged', 'returned', 'reopened']) {
      expect(reached).toContain(corner);
    }
  });
});
