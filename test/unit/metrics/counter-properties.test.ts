import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/case';
import { applyAction } from '../../../shared/domain/lifecycle/apply-action';
import { type Counts, contributionDelta } from '../../../shared/domain/metrics/counters';
import { percentage, RATE_NAMES, ratesFrom, totalsFrom } from '../../../shared/domain/metrics/rates';
import { actionFor, stepSeed } from '../../support/action-arbitrary';
import { contextAt, newCase } from '../../support/domain-fixtures';

type Ledger = Map<string, Counts>;

function apply(ledger: Ledger, before: Case | undefined, after: Case) {
  for (const scoped of contributionDelta(before, after)) {
    const key = `${scoped.dimension}#${scoped.value}`;
    const entry = ledger.get(key) ?? {};
    for (const [counter, value] of Object.entries(scoped.counts) as [keyof Counts, number][]) {
      entry[counter] = (entry[counter] ?? 0) + value;
    }
    ledger.set(key, entry);
  }
}

function clean(ledger: Ledger) {
  return Object.fromEntries(
    [...ledger.entries()]
      .map(
        ([key, counts]) =>
          [key, Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== 0))] as const,
      )
      .filter(([, counts]) => Object.keys(counts).length > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe('counters kept change by change', () => {
  it('always equal a full recount of the cases, and every rate stays within 0–100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(stepSeed, { maxLength: 30 }), { minLength: 1, maxLength: 6 }),
        (histories) => {
          const kept: Ledger = new Map();
          const finals: Case[] = [];
          histories.forEach((seeds, index) => {
            let c = newCase({
              caseId: `XJ20261102${String(index + 1).padStart(6, '0')}`,
              type: index % 2 ? 'consult' : 'complain',
            });
            apply(kept, undefined, c);
            let now = new Date(c.createdAt).getTime();
            for (const seed of seeds) {
              now += seed.hoursLater * 3_600_000;
              const { actor, action } = actionFor(c, seed);
              try {
                const after = applyAction(c, action, actor, contextAt(new Date(now).toISOString())).after;
                apply(kept, c, after);
                c = after;
              } catch {
                // refused: nothing stored, nothing counted
              }
            }
            finals.push(c);
          });
          const recount: Ledger = new Map();
          for (const c of finals) apply(recount, undefined, c);
          expect(clean(kept)).toEqual(clean(recount));
          for (const counts of kept.values()) {
            for (const value of Object.values(counts)) expect(value).toBeGreaterThanOrEqual(0);
            const rates = ratesFrom(totalsFrom(counts));
            for (const name of RATE_NAMES) {
              const rate = rates[name];
              if (rate !== null) {
                expect(rate).toBeGreaterThanOrEqual(0);
                expect(rate).toBeLessThanOrEqual(100);
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never exceed their denominators', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (a, b) => {
        const [n, d] = a <= b ? [a, b] : [b, a];
        const rate = percentage(n, d);
        if (d === 0) expect(rate).toBeNull();
        else expect(Math.abs((rate as number) - (n / d) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});
