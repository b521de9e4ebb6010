import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactText } from '../../../shared/domain/redaction';
import { idNumber } from '../../support/personal-data-spellings';

const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code));
/** Chinese prose with the punctuation, dates and amounts letters really contain. */
const prose = fc
  .array(
    fc.oneof(
      hanzi,
      hanzi,
      hanzi,
      fc.constantFrom('，', '。', '、', '：', '2026年11月21日', '5000元', '第3号楼', ' '),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const mobile = fc
  .tuple(
    fc.constantFrom('13', '15', '17', '18', '19'),
    fc.stringMatching(/^\d{9}$/),
    fc.constantFrom('', ' ', '-'),
    fc.constantFrom('', '+86 ', '+86'),
  )
  .map(
    ([prefix, rest, sep, country]) =>
      `${country}${prefix}${rest.slice(0, 1)}${sep}${rest.slice(1, 5)}${sep}${rest.slice(5)}`,
  );
const landline = fc
  .tuple(
    fc.constantFrom('010', '021', '0755', '0571'),
    fc.integer({ min: 2, max: 9 }),
    fc.stringMatching(/^\d{7}$/),
    fc.constantFrom('-', '', ' '),
  )
  .map(([area, first, rest, sep]) => `${area}${sep}${first}${rest}`);
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._]{1,10}$/), fc.constantFrom('qq.com', '163.com', 'example.gov.cn'))
  .map(([user, domain]) => `${user}@${domain}`);
const name = fc
  .tuple(fc.constantFrom('张', '王', '李', '欧阳', '赵'), hanzi, fc.option(hanzi, { nil: '' }))
  .map((parts) => parts.join(''));

const digitsOf = (value: string) => value.replace(/\D/g, '');

describe('redaction of free text', () => {
  it('leaves no phone number, ID number, e-mail, name or address in generated letters', () => {
    fc.assert(
      fc.property(
        prose,
        prose,
        prose,
        mobile,
        landline,
        idNumber,
        email,
        name,
        (a, b, c, phone, fixed, id, mail, citizen) => {
          const address = `幸福路${digitsOf(id).slice(0, 2)}号`;
          const letter = `${a}我叫${citizen}，电话${phone}，座机${fixed}。${b}身份证${id}，邮箱${mail}，住${address}。${c}`;
          const published = redactText(letter, { phones: 'remove', names: [citizen], addresses: [address] });
          for (const secret of [id, mail, citizen, address]) expect(published).not.toContain(secret);
          expect(published).not.toContain(digitsOf(phone).slice(-11));
          expect(published).not.toContain(digitsOf(fixed));
          expect(published).toContain(REDACTED.id);
          expect(published).toContain(REDACTED.phone);
        },
      ),
    );
  });

  it('masks phone numbers for departments: 138****5678', () => {
    expect(redactText('请联系13812345678或010-62345678', { phones: 'mask' })).toBe(
      '请联系138****5678或010****5678',
    );
    expect(redactText('电话 +86 138 1234 5678', { phones: 'mask' })).toBe('电话 138****5678');
  });

  it('changes nothing in text without personal data', () => {
    fc.assert(
      fc.property(prose, (text) => {
        expect(redactText(text, { phones: 'remove', names: ['王五'], addresses: ['人民路1号'] })).toBe(
          text.replaceAll('王五', REDACTED.name),
        );
      }),
    );
  });

  it('keeps 18-digit numbers that are not ID numbers (checksum-aware)', () => {
    expect(redactText('订单号110105194912310021已支付', { phones: 'remove' })).toBe(
      '订单号110105194912310021已支付',
    );
    expect(redactText('身份证11010519491231002X', { phones: 'remove' })).toBe(`身份证${REDACTED.id}`);
  });

  it('hides longer names first and ignores one-character ones', () => {
    expect(redactText('张三丰和张三', { phones: 'remove', names: ['张三', '张三丰'] })).toBe('某某和某某');
    expect(redactText('王先生', { phones: 'remove', names: ['王'] })).toBe('王先生');
  });
});
