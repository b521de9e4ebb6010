import { COUNTERS } from '../domain/metrics/counters';
import { RATE_NAMES, type Rates, type Totals } from '../domain/metrics/rates';
import type { StatisticsGroup } from '../use-cases/read-statistics';

/** Column headings of the exports: Chinese for people, the API's field name for programs. */
const TOTAL_LABELS: Record<keyof Totals, string> = {
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

const RATE_LABELS: Record<keyof Rates, string> = {
  replyRate: '回复率%',
  completionRate: '办结率%',
  onTimeRate: '按时办结率%',
  satisfactionRate: '满意率%',
  resolutionRate: '解决率%',
  responseRate: '响应率%',
  returnRate: '回退率%',
  reopenRate: '重办率%',
};

const TOTAL_COLUMNS = [
  'received',
  'accepted',
  ...COUNTERS.filter((c) => c !== 'received'),
] as (keyof Totals)[];

/** The grouped figures as a table: a header row, then one row per group and a total row. */
export function figureTable(groups: readonly StatisticsGroup[], overall: { totals: Totals; rates: Rates }) {
  const header = [
    '分组(group)',
    '名称(label)',
    ...TOTAL_COLUMNS.map((c) => `${TOTAL_LABELS[c]}(${c})`),
    ...RATE_NAMES.map((r) => `${RATE_LABELS[r]}(${r})`),
  ];
  const row = (key: string, label: string, totals: Totals, rates: Rates) => [
    key,
    label,
    ...TOTAL_COLUMNS.map((c) => totals[c]),
    ...RATE_NAMES.map((r) => rates[r]),
  ];
  return [
    header,
    ...groups.map((g) => row(g.key, g.label, g.totals, g.rates)),
    row('total', '合计', overall.totals, overall.rates),
  ] as (string | number | null)[][];
}
