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
  readonly message: string;
}
