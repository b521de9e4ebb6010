import { describe, expect, it } from 'vitest';
import { formatCaseNumber, kindOfCaseNumber, sequenceName } from '../../../shared/domain/case-number';

describe('case numbers', () => {
  it('reads as kind, China date and daily sequence', () => {
    const at = new Date('2026-11-21T02:00:00Z');
    expect(formatCaseNumber('letter', at, 123)).toBe('XJ20261121000123');
    expect(formatCaseNumber('hotline', at, 1)).toBe('GD20261121000001');
    expect(formatCaseNumber('consultation', at, 999_999)).toBe('ZX20261121999999');
  });

  it('uses the China date: 20:00 UTC on the 21st is already the 22nd', () => {
    expect(formatCaseNumber('letter', new Date('2026-11-21T20:00:00Z'), 7)).toBe('XJ20261122000007');
    expect(sequenceName('letter', new Date('2026-11-21T20:00:00Z'))).toBe('XJ20261122');
  });

  it('knows the kind of a number and nothing else', () => {
    expect(kindOfCaseNumber('XJ20261121000123')).toBe('letter');
    expect(kindOfCaseNumber('GD20261121000123')).toBe('hotline');
    expect(kindOfCaseNumber('ZX20261121000123')).toBe('consultation');
    expect(kindOfCaseNumber('AB20261121000123')).toBeUndefined();
    expect(kindOfCaseNumber('XJ2026112100012')).toBeUndefined();
  });

  it('refuses sequences outside one day of capacity', () => {
    expect(() => formatCaseNumber('letter', new Date(), 0)).toThrow(RangeError);
    expect(() => formatCaseNumber('letter', new Date(), 1_000_000)).toThrow(RangeError);
  });
});
