import type { CaseKind } from '../case-kinds';
import { formatPercentage, type Rates, type Totals } from './rates';

/**
 * The report paragraph in the style of the government work reports, e.g. "12345政府服务热线共接到
 * 有效来电1282件，其中直接答复964件，转办318件，办结314件，办结率98.74%，满意率95.7%。" A rate
 * with nothing to count is left out rather than printed as 0 %.
 */
export function reportParagraph(
  kind: CaseKind | undefined,
  from: string,
  to: string,
  totals: Totals,
  rates: Rates,
): string {
  const period = `${chineseDate(from)}至${chineseDate(to)}`;
  const rate = (label: string, value: number | null) =>
    value === null ? [] : [`${label}${formatPercentage(value)}%`];
  const clauses: string[] = (() => {
    switch (kind) {
      case 'hotline':
        return [
          `12345政府服务热线共接到有效来电${totals.accepted}件`,
          `其中直接答复${totals.directAnswers}件`,
          `转办${totals.transferred}件`,
          `办结${totals.completed}件`,
          ...rate('办结率', rates.completionRate),
          ...rate('满意率', rates.satisfactionRate),
        ];
      case 'letter':
      case 'consultation': {
        const [received, replied] =
          kind === 'letter' ? ['领导信箱共受理市民信件', '已处理'] : ['在线咨询共受理群众咨询', '已答复'];
        return [
          `${received}${totals.accepted}件`,
          `${replied}${totals.replied}件`,
          ...rate('回复率', rates.replyRate),
          ...rate('满意率', rates.satisfactionRate),
        ];
      }
      default:
        return [
          `各渠道共受理群众诉求${totals.received}件，有效受理${totals.accepted}件`,
          `其中直接答复${totals.directAnswers}件`,
          `转办${totals.transferred}件`,
          `办结${totals.completed}件`,
          ...rate('回复率', rates.replyRate),
          ...rate('办结率', rates.completionRate),
          ...rate('按时办结率', rates.onTimeRate),
          ...rate('满意率', rates.satisfactionRate),
        ];
    }
  })();
  return `${period}，${clauses.join('，')}。`;
}

function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
