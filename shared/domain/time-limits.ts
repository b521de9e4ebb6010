import type { RequestType } from './case-kinds';

/** Time limits in working days (DOMAIN.md "Time limits"); the admin may configure other values. */
export interface TimeLimits {
  readonly triage: number;
  readonly signIn: number;
  readonly returnWindow: number;
  readonly handling: Readonly<Record<RequestType, number>>;
  readonly maxExtension: number;
  readonly review: number;
  readonly followUp: number;
  /** A case still open this many working days after its deadline gets a red card (红牌). */
  readonly redCardAfter: number;
  readonly maxReopens: number;
}

export const DEFAULT_TIME_LIMITS: TimeLimits = {
  triage: 1,
  signIn: 1,
  returnWindow: 2,
  handling: { consult: 3, suggest: 5, complain: 5, help: 5, report: 5, praise: 5 },
  maxExtension: 10,
  review: 1,
  followUp: 3,
  redCardAfter: 5,
  maxReopens: 2,
};
