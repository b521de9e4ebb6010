import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  idCheckCharacter,
  isChinesePhone,
  isValidIdNumber,
  normalizePhone,
  phoneIdentity,
} from '../../../shared/domain/contact';

describe('phone numbers', () => {
  it.each([
    '13812345678',
    '19912345678',
    '010-62345678',
    '01062345678',
    '0755-86001234',
    '0571-87654321-123',
  ])('accepts %s', (phone) => expect(isChinesePhone(phone)).toBe(true));

  it.each(['12345678901', '1381234567', '138123456789', '62345678', 'abc', '010-12345678', ''])(
    'rejects %s',
    (phone) => expect(isChinesePhone(phone)).toBe(false),
  );

  it('is one phone for the per-phone limit however it is written', () => {
    const identities = [
      '0755-86001234',
      '075586001234',
      '0755 8600 1234',
      '(0755)86001234',
      '0755—86001234',
      '０７５５－８６００１２３４',
      '0755-86001234-123',
      '+86 0755 86001234',
    ].map(phoneIdentity);
    expect(new Set(identities)).toEqual(new Set(['075586001234']));
    expect(
      new Set(
        [
          '13812345678',
          '138-1234-5678',
          '+86 138 1234 5678',
          '１３８１２３４５６７８',
          '0086-138.1234.5678',
        ].map(phoneIdentity),
      ),
    ).toEqual(new Set(['13812345678']));
  });

  it('normalizes spaces and the +86 prefix', () => {
    expect(normalizePhone('+86 138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('0086-13812345678')).toBe('13812345678');
  });
});

describe('citizen ID numbers (GB 11643)', () => {
  it('accepts a number with the right check character', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('rejects a wrong check character, an impossible birth date and wrong lengths', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300020')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
  });

  it('accepts exactly one check character for any valid prefix', () => {
    const prefix = fc
      .tuple(
        fc.stringMatching(/^\d{6}$/),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}$/),
      )
      .map(
        ([region, birth, serial]) =>
          `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${serial}`,
      );
    fc.assert(
      fc.property(prefix, (first17) => {
        const valid = [...'0123456789X'].filter((check) => isValidIdNumber(first17 + check));
        expect(valid).toEqual([idCheckCharacter(first17)]);
      }),
    );
  });
});
