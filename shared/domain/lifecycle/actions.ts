import type { OverdueCard, SatisfactionLevel } from '../case';

/** Staff and citizen actions on a case (DOMAIN.md "Lifecycle"), as the API accepts them. */
export type CaseAction =
  | { readonly type: 'reject'; readonly reason: string }
  | { readonly type: 'answer'; readonly answer: string }
  | { readonly type: 'transfer'; readonly departmentId: string; readonly instructions: string }
  | { readonly type: 'sign' }
  | { readonly type: 'return'; readonly reason: string }
  | { readonly type: 'request_extension'; readonly workingDays: number; readonly reason: string }
  | { readonly type: 'decide_extension'; readonly approve: boolean; readonly comment?: string }
  | { readonly type: 'reply'; readonly content: string }
  | { readonly type: 'review'; readonly approve: boolean; readonly comment?: string }
  | { readonly type: 'supervise'; readonly note: string }
  | {
      readonly type: 'rate';
      readonly resolved: boolean;
      readonly satisfaction: SatisfactionLevel;
      readonly comment?: string;
    }
  | { readonly type: 'reopen'; readonly reason: string }
  | { readonly type: 'merge'; readonly intoCaseId: string };

/** What the workflow itself does when a deadline passes. */
export type SystemAction =
  | { readonly type: 'flag_overdue'; readonly card: OverdueCard }
  | { readonly type: 'close_unrated' };

export type AnyAction = CaseAction | SystemAction;
export type ActionType = AnyAction['type'];

export const ACTION_LABELS: Record<ActionType, string> = {
  reject: '不予受理',
  answer: '直接答复',
  transfer: '转办',
  sign: '签收',
  return: '退单',
  request_extension: '申请延期',
  decide_extension: '延期审批',
  reply: '答复',
  review: '审核',
  supervise: '督办',
  rate: '评价',
  reopen: '重办',
  merge: '并单',
  flag_overdue: '超期亮牌',
  close_unrated: '未评价办结',
};
