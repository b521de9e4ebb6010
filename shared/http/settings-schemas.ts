import * as z from 'zod/mini';
import { REQUEST_TYPE_LABELS, REQUEST_TYPES, type RequestType } from '../domain/case-kinds';
import { isIsoDate, weekday } from '../domain/china-time';
import type { TimeLimits } from '../domain/time-limits';
import './validation';

/** The longest time limit an administrator may set: a quarter's working days. */
export const MAX_LIMIT_DAYS = 60;
/** How many times a case may be reopened at most (0: never). */
export const MAX_REOPENS_BOUND = 10;

const workingDays = (label: string) =>
  z
    .int({ error: `${label}必须是 1–${MAX_LIMIT_DAYS} 之间的整数（工作日）` })
    .check(
      z.gte(1, `${label}至少 1 个工作日`),
      z.lte(MAX_LIMIT_DAYS, `${label}不能超过 ${MAX_LIMIT_DAYS} 个工作日`),
      z.meta({ description: `${label}（工作日）` }),
    );

const handlingLimits = z.strictObject(
  Object.fromEntries(
    REQUEST_TYPES.map((type) => [type, workingDays(`${REQUEST_TYPE_LABELS[type]}类办理时限`)]),
  ) as Record<RequestType, ReturnType<typeof workingDays>>,
  { error: 'handling 须为每种诉求类型给出办理时限' },
);

/**
 * PUT /v1/settings/time-limits (admin): every limit of DOMAIN.md "Time limits", all at once — the
 * document GET returns, edited. Counted in working days, from the events DOMAIN.md names.
 */
export const timeLimitsSchema = z
  .strictObject({
    triage: workingDays('分拣（转办）时限'),
    signIn: workingDays('签收时限'),
    returnWindow: workingDays('退单期限'),
    handling: handlingLimits,
    maxExtension: workingDays('延期上限'),
    review: workingDays('审核时限'),
    followUp: workingDays('回访期限'),
    redCardAfter: workingDays('红牌期限（黄牌后）'),
    maxReopens: z
      .int({ error: `重办次数上限必须是 0–${MAX_REOPENS_BOUND} 之间的整数` })
      .check(
        z.gte(0, '重办次数上限不能为负数'),
        z.lte(MAX_REOPENS_BOUND, `重办次数上限不能超过 ${MAX_REOPENS_BOUND} 次`),
        z.meta({ description: '重办次数上限（0 表示不允许重办）' }),
      ),
  })
  .check(z.meta({ description: '全部时限（工作日）' })) satisfies z.ZodMiniType<TimeLimits>;

/** The years a calendar may be published for: the reporting years and the next few. */
export const CALENDAR_YEARS = { earliest: 2004, latest: 2099 } as const;

export const calendarYearSchema = z.coerce
  .number({ error: '年份必须是四位数字' })
  .check(
    z.int('年份必须是四位数字'),
    z.gte(CALENDAR_YEARS.earliest, `年份须在 ${CALENDAR_YEARS.earliest}–${CALENDAR_YEARS.latest} 之间`),
    z.lte(CALENDAR_YEARS.latest, `年份须在 ${CALENDAR_YEARS.earliest}–${CALENDAR_YEARS.latest} 之间`),
  );

const dayList = (label: string, max: number) =>
  z
    .array(z.string({ error: `${label}的每一项必须是日期（YYYY-MM-DD）` }), {
      error: `${label}必须是日期列表`,
    })
    .check(z.maxLength(max, `${label}不能超过 ${max} 天`), z.meta({ description: `${label}（YYYY-MM-DD）` }));

/**
 * PUT /v1/settings/calendar/{year} (admin): the year as the State Council's notice publishes it —
 * every holiday (weekend days inside a holiday block included) and every make-up workday. It
 * replaces what the `chinese-days` data says about that year.
 */
export function yearScheduleSchema(year: number) {
  return z
    .strictObject({
      holidays: dayList('法定节假日', 60),
      workdays: dayList('调休上班日', 20),
    })
    .check(
      z.superRefine((schedule, context) => {
        for (const field of ['holidays', 'workdays'] as const) {
          const seen = new Set<string>();
          schedule[field].forEach((day, index) => {
            const problem = !isIsoDate(day)
              ? '不是有效日期（YYYY-MM-DD）'
              : !day.startsWith(`${year}-`)
                ? `不在 ${year} 年内`
                : seen.has(day)
                  ? '重复'
                  : field === 'workdays' && weekday(day) !== 0 && weekday(day) !== 6
                    ? '调休上班日必须是周六或周日'
                    : field === 'workdays' && schedule.holidays.includes(day)
                      ? '同一天不能既是节假日又是调休上班日'
                      : undefined;
            seen.add(day);
            if (problem)
              context.addIssue({ code: 'custom', path: [field, index], message: `${day}：${problem}` });
          });
        }
      }),
      z.meta({ description: '该年的法定节假日与调休上班日' }),
    );
}
