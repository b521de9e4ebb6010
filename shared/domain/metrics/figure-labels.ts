import type { Rates, Totals } from './rates';

/** What leaders read for each figure: the exports' headings, the dashboard's cards and charts. */
export const TOTAL_LABELS: Record<keyof Totals, string> = {
  received: '受理量',
  accepted: '有效受理',
  rejected: '不予受理',
  merged: '并单',
  directAnswers: '直接答复',
  transferred: '转办',
  transfers: '转办次数',
  returns: '退单次数',
  replied: '已答复',
  repliedTransferred: '转办已答复',
  repliedOnTime: '按时答复',
  signedOnTime: '按时签收',
  completed: '办结',
  closed: '已办结',
  closedUnrated: '未评价办结',
  rated: '已评价',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
  resolved: '已解决',
  reopened: '重办',
  overdueOpen: '超期未办结',
};

export const RATE_LABELS: Record<keyof Rates, string> = {
  replyRate: '回复率',
  completionRate: '办结率',
  onTimeRate: '按时办结率',
  satisfactionRate: '满意率',
  resolutionRate: '解决率',
  responseRate: '响应率',
  returnRate: '回退率',
  reopenRate: '重办率',
};
