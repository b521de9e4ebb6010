import type { Case, TimelineEntry } from './case';
import { caseHeading } from './case-heading';
import type { CaseKind, RequestType } from './case-kinds';
import { ROLE_LABELS } from './roles';
import { CASE_STATUS_LABELS, type CaseStatus } from './statuses';

/**
 * What a citizen sees of their own case: progress, not the office's internal work. Internal steps
 * (review send-backs, returns between offices, supervision notes) and staff names stay hidden.
 */
const CITIZEN_ENTRY_LABELS: Readonly<Record<string, string>> = {
  submit: '已提交',
  reject: '不予受理',
  answer: '已答复',
  transfer: '已转交承办单位办理',
  sign: '承办单位已签收',
  rate: '已评价',
  close_unrated: '已办结（未评价）',
  reopen: '已重新办理',
  merge: '已与相同诉求合并办理',
};

/** Entries whose meaning for the citizen depends on their outcome. */
function labelFor(entry: TimelineEntry): string | undefined {
  if (entry.action === 'review') return entry.status === 'replied' ? '已答复' : undefined;
  if (entry.action === 'decide_extension')
    return entry.note?.startsWith('同意') ? '办理期限已延长' : undefined;
  return CITIZEN_ENTRY_LABELS[entry.action];
}

export interface CitizenTimelineEntry {
  readonly at: string;
  readonly action: string;
  readonly label: string;
  readonly by: string;
  readonly status: CaseStatus;
  readonly statusLabel: string;
  readonly departmentName?: string;
  readonly note?: string;
}

export interface CitizenCaseView {
  readonly caseId: string;
  readonly kind: CaseKind;
  readonly kindLabel: string;
  readonly type: RequestType;
  readonly typeLabel: string;
  readonly title: string;
  readonly status: CaseStatus;
  readonly statusLabel: string;
  readonly createdAt: string;
  readonly timeline: readonly CitizenTimelineEntry[];
  readonly reply?: { readonly content: string; readonly repliedAt: string; readonly departmentName?: string };
  readonly rating?: { readonly satisfaction: string; readonly resolved: boolean; readonly at: string };
  readonly mergedInto?: string;
}

/** Notes a citizen may read: why their case was not accepted or was reopened; nothing internal. */
const CITIZEN_VISIBLE_NOTES = new Set(['reject', 'reopen']);

export function citizenView(c: Case, departmentName: (id: string) => string | undefined): CitizenCaseView {
  const timeline = c.timeline.flatMap((entry) => citizenEntry(entry, departmentName));
  const reply = c.reply?.deliveredAt
    ? {
        content: c.reply.content,
        repliedAt: c.reply.deliveredAt,
        ...(c.reply.departmentId ? optionalName(departmentName(c.reply.departmentId)) : {}),
      }
    : undefined;
  return {
    ...caseHeading(c),
    title: c.title,
    timeline,
    ...(reply ? { reply } : {}),
    ...(c.rating
      ? { rating: { satisfaction: c.rating.satisfaction, resolved: c.rating.resolved, at: c.rating.at } }
      : {}),
    ...(c.mergedInto ? { mergedInto: c.mergedInto } : {}),
  };
}

function citizenEntry(
  entry: TimelineEntry,
  departmentName: (id: string) => string | undefined,
): CitizenTimelineEntry[] {
  const label = labelFor(entry);
  if (!label) return [];
  return [
    {
      at: entry.at,
      action: entry.action,
      label,
      by: ROLE_LABELS[entry.role],
      status: entry.status,
      statusLabel: CASE_STATUS_LABELS[entry.status],
      ...(entry.departmentId ? optionalName(departmentName(entry.departmentId)) : {}),
      ...(entry.note && CITIZEN_VISIBLE_NOTES.has(entry.action) ? { note: entry.note } : {}),
    },
  ];
}

function optionalName(name: string | undefined): { departmentName?: string } {
  return name ? { departmentName: name } : {};
}
