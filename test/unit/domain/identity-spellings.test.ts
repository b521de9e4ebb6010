import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/case';
import type { CitizenContact } from '../../../shared/domain/contact';
import type { CaseAction } from '../../../shared/domain/lifecycle/action-table';
import { applyAction } from '../../../shared/domain/lifecycle/apply-action';
import { noticeText } from '../../../shared/domain/notice-text';
import { publishedCase } from '../../../shared/domain/publication';
import { redactText } from '../../../shared/domain/redaction';
import type { Actor, StaffRole } from '../../../shared/domain/roles';
import { contactExposure, staffView, textRules, visibleContact } from '../../../shared/domain/staff-view';
import {
  contextAt,
  dispatcher,
  housing,
  leader,
  newCase,
  reviewer,
  staff,
} from '../../support/domain-fixtures';
import {
  address,
  addressNumber,
  addressSpelling,
  emailAddress,
  emailSpelling,
  idNumber,
  idSpelling,
  landlineNumber,
  landlineSpelling,
  mobileNumber,
  mobileSpelling,
  nameSpelling,
  personName,
  prose,
  readableSecrets,
  simplifiedName,
  stringsOf,
} from '../../support/personal-data-spellings';

/** One citizen, and a sentence that names them in the spellings the generator chose. */
const citizenAndLetter = fc
  .tuple(mobileNumber, landlineNumber, idNumber, emailAddress, personName, addressNumber)
  .chain(([mobile, landline, id, email, name, house]) =>
    fc
      .record({
        mobile: mobileSpelling(mobile),
        landline: landlineSpelling(landline),
        id: idSpelling(id),
        email: emailSpelling(email),
        name: nameSpelling(name),
        address: addressSpelling(house),
        a: prose,
        b: prose,
        c: prose,
      })
      .map((spelled) => ({
        contact: {
          name: simplifiedName(name),
          phone: mobile,
          idNumber: id,
          email,
          address: address(house),
        } satisfies CitizenContact,
        landline,
        text:
          `${spelled.a}我叫${spelled.name}，手机${spelled.mobile}，座机${spelled.landline}。` +
          `${spelled.b}身份证${spelled.id}，邮箱${spelled.email}，家住${spelled.address}。${spelled.c}`,
      })),
  );

const secretsOf = (contact: CitizenContact, landline: string, withName: boolean) => ({
  phones: [contact.phone, landline],
  ids: [contact.idNumber ?? ''],
  emails: [contact.email ?? ''],
  words: [contact.address ?? '', ...(withName ? [contact.name] : [])],
});

const at = (day: number) => contextAt(`2026-11-${String(day).padStart(2, '0')}T10:00:00+08:00`);

/** A complaint whose every free-text field carries the citizen's data, walked to a published reply. */
function caseWith(text: string): {
  handled: Case;
  replied: Case;
  notices: ReturnType<typeof applyAction>['notices'];
} {
  const steps: [CaseAction, Actor][] = [
    [{ type: 'transfer', departmentId: 'dept-housing', instructions: `请核实：${text}` }, dispatcher],
    [{ type: 'sign' }, housing],
    [{ type: 'supervise', note: `加快办理，来信人说：${text}` }, leader],
  ];
  let c: Case = { ...newCase({ type: 'complain' }), title: text.slice(0, 60), content: text };
  const notices = [];
  for (const [index, [action, actor]] of steps.entries()) {
    const transition = applyAction(c, action, actor, at(3 + index));
    c = transition.after;
    notices.push(...transition.notices);
  }
  const handled = c;
  for (const [index, [action, actor]] of (
    [
      [{ type: 'reply', content: `经核实，${text}` }, housing],
      [{ type: 'review', approve: true, comment: text }, reviewer],
    ] as [CaseAction, Actor][]
  ).entries()) {
    c = applyAction(c, action, actor, at(10 + index)).after;
  }
  return { handled, replied: c, notices };
}

const views: { audience: string; role: StaffRole; actor: Actor }[] = [
  { audience: 'department', role: 'department', actor: housing },
  { audience: 'leader', role: 'leader', actor: leader },
  { audience: 'reviewer', role: 'reviewer', actor: reviewer },
  { audience: 'admin', role: 'admin', actor: staff('admin1', 'admin') },
];

describe('a complainant written in any spelling', () => {
  it.each(views)('never reaches the $audience view of the case', ({ role, actor }) => {
    fc.assert(
      fc.property(citizenAndLetter, ({ contact, landline, text }) => {
        const { replied } = caseWith(text);
        const exposure = contactExposure([role]);
        const view = staffView(
          replied,
          visibleContact(replied, contact, exposure),
          actor as never,
          () => '住房和城乡建设局',
          textRules(replied, contact, exposure),
        );
        const leaks = stringsOf(view).flatMap((value) =>
          readableSecrets(value, secretsOf(contact, landline, true)),
        );
        expect(leaks, JSON.stringify(text)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('never reaches the public listing', () => {
    fc.assert(
      fc.property(citizenAndLetter, ({ contact, landline, text }) => {
        const { replied } = caseWith(text);
        const published = publishedCase(replied, contact, () => '住房和城乡建设局');
        const leaks = stringsOf(published).flatMap((value) =>
          readableSecrets(value, secretsOf(contact, landline, true)),
        );
        expect(leaks, JSON.stringify(text)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('never reaches the department in a notice (supervision note)', () => {
    fc.assert(
      fc.property(citizenAndLetter, ({ contact, landline, text }) => {
        const { handled, notices } = caseWith(text);
        const toDepartment = notices.filter((notice) => 'departmentId' in notice.audience);
        expect(toDepartment.length).toBeGreaterThan(0);
        for (const notice of toDepartment) {
          const leaks = readableSecrets(
            noticeText(notice, handled, contact),
            secretsOf(contact, landline, true),
          );
          expect(leaks, JSON.stringify(text)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is masked by the patterns alone, without knowing whose data it is', () => {
    fc.assert(
      fc.property(citizenAndLetter, ({ contact, landline, text }) => {
        const cleaned = redactText(text, { phones: 'remove' });
        const { words: _words, ...identifiers } = secretsOf(contact, landline, false);
        expect(readableSecrets(cleaned, identifiers), JSON.stringify(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the staff who may read it everything (dispatcher)', () => {
    const { replied } = caseWith('联系电话１３９１２３４５６７８');
    expect(textRules(replied, { name: '张三', phone: '13912345678' }, contactExposure(['dispatcher']))).toBe(
      undefined,
    );
  });
});
