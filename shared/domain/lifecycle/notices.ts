import type { StaffRole } from '../roles';

/** Someone who should hear about a change: the citizen, a department, or everyone in a role. */
export type NoticeAudience =
  | { readonly citizen: true }
  | { readonly departmentId: string }
  | { readonly role: StaffRole };

export type NoticeKind =
  | 'transferred'
  | 'returned'
  | 'extension_requested'
  | 'extension_decided'
  | 'reply_to_review'
  | 'reply_sent_back'
  | 'reply_ready'
  | 'rating_request'
  | 'supervision'
  | 'overdue'
  | 'rejected'
  | 'merged'
  | 'reopened';

/** What the lifecycle wants said; the Notifier decides how (outbox locally, SNS/SMS in the cloud). */
export interface Notice {
  readonly kind: NoticeKind;
  readonly audience: NoticeAudience;
  /** Written by the system: no personal data. */
  readonly message: string;
  /**
   * Free text a person wrote (a supervision note, a reopen reason): it may name the complainant,
   * so it reaches the audience only masked as that audience's view of the case (notice-text.ts).
   */
  readonly note?: string;
}

/** The reply reached the citizen: tell them, and ask for a rating (one pair per delivered reply). */
export function replyDeliveredNotices(caseId: string): Notice[] {
  return [
    {
      kind: 'reply_ready',
      audience: { citizen: true },
      message: `您的诉求 ${caseId} 已答复，请凭查询码查看。`,
    },
    {
      kind: 'rating_request',
      audience: { citizen: true },
      message: `请对 ${caseId} 的办理结果进行评价（满意/基本满意/不满意）。`,
    },
  ];
}
