import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  derivedQueryCode,
  hashQueryCode,
  queryCodeMatches,
  randomQueryCode,
} from '../../../shared/domain/query-code';

const secret = randomBytes(32);

describe('query codes (查询码)', () => {
  it('are 8 characters without look-alikes', () => {
    for (let i = 0; i < 200; i += 1) expect(randomQueryCode()).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  });

  it('match only their own case, case-insensitively', () => {
    const code = randomQueryCode();
    const stored = hashQueryCode(secret, 'XJ20261121000001', code);
    expect(stored).not.toContain(code);
    expect(queryCodeMatches(secret, 'XJ20261121000001', code.toLowerCase(), stored)).toBe(true);
    expect(queryCodeMatches(secret, 'XJ20261121000002', code, stored)).toBe(false);
    expect(queryCodeMatches(secret, 'XJ20261121000001', 'WRONG', stored)).toBe(false);
    expect(queryCodeMatches(secret, 'XJ20261121000001', code, '-')).toBe(false);
  });

  it('derive the same code again for the same case and idempotency key, another for another key', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8 }), fc.string({ minLength: 8 }), (key, other) => {
        const code = derivedQueryCode(secret, 'XJ20261121000001', key);
        expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
        expect(derivedQueryCode(secret, 'XJ20261121000001', key)).toBe(code);
        if (other !== key) expect(derivedQueryCode(secret, 'XJ20261121000001', other)).not.toBe(code);
      }),
    );
  });
});
