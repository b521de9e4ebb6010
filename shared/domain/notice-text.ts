import type { Case } from './case';
import type { CitizenContact } from './contact';
import type { Notice, NoticeAudience } from './lifecycle/notices';
import { redactText } from './redaction';
import { type ContactExposure, contactExposure, textRules } from './staff-view';

/**
 * A notice is a view of the case: its audience reads it with the masking of that audience's case
 * view (DOMAIN.md "Personal data"). The citizen reads their own data; a department never reads
 * the complainant's identity in a supervision note or a reopen reason.
 */
export function noticeExposure(audience: NoticeAudience): ContactExposure {
  if ('citizen' in audience) return 'full';
  if ('departmentId' in audience) return 'department';
  return contactExposure([audience.role]);
}

/** Whether the notice's text depends on who reads it (and so needs the contact to be written). */
export function noticeNeedsMasking(notice: Notice): boolean {
  return notice.note !== undefined && noticeExposure(notice.audience) !== 'full';
}

/** The text the audience receives. */
export function noticeText(notice: Notice, c: Case, contact: CitizenContact | undefined): string {
  if (notice.note === undefined) return notice.message;
  const rules = contact ? textRules(c, contact, noticeExposure(notice.audience)) : undefined;
  if (!rules && noticeNeedsMasking(notice)) {
    throw new Error('a masked notice needs the case contact');
  }
  return `${notice.message}：${rules ? redactText(notice.note, rules) : notice.note}`;
}
