import type { OfficeSettingsData } from '../domain/office-rules';
import type { TimeLimits } from '../domain/time-limits';
import type { YearSchedule } from '../domain/working-days';

/** A setting the administrator changes: the time limits, or one year's calendar. */
export type SettingName = 'time-limits' | `calendar-${number}`;

export interface StoredOfficeSettings {
  readonly data: OfficeSettingsData;
  /** Each stored setting's revision; a setting never set has none (0). */
  readonly revisions: ReadonlyMap<SettingName, number>;
}

/** One change: what it replaces as the office counted it (for the audit) and what replaces it. */
export type SettingChange =
  | { readonly name: 'time-limits'; readonly before: TimeLimits; readonly after: TimeLimits }
  | {
      readonly name: `calendar-${number}`;
      readonly before: YearSchedule | undefined;
      readonly after: YearSchedule;
    };

/**
 * The administrator's settings: every deadline computed reads them as they are now (strongly
 * consistent), so a change applies to the next deadline computed; a running deadline keeps its
 * date. A change is stored with its audit entry (before and after) in one write.
 */
export interface OfficeSettingsStore {
  read(): Promise<StoredOfficeSettings>;
  /** `false` when the setting changed since `revision` was read (nothing written). */
  replace(change: SettingChange, revision: number, by: { username: string; role: string }): Promise<boolean>;
}
