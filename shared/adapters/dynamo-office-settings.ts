import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PublishedYear } from '../domain/office-rules';
import type { TimeLimits } from '../domain/time-limits';
import type { YearSchedule } from '../domain/working-days';
import type { OfficeSettingsStore, SettingName } from '../ports/office-settings';
import { adminChangeAudit, putWithAudit } from './audited-write';

/**
 * The office's settings, all in one partition of the settings table (`section` = `office-rules`,
 * `setting` = `time-limits` or `calendar-2027`): the time limits and a handful of published years
 * are read by one strongly consistent Query of a few hundred bytes.
 */
export const OFFICE_RULES_SECTION = 'office-rules';

export function dynamoOfficeSettings(
  documents: DynamoDBDocumentClient,
  tables: { settings: string /** Only functions that change settings have it. */; audit?: string },
): OfficeSettingsStore {
  return {
    async read() {
      const out = await documents.send(
        new QueryCommand({
          TableName: tables.settings,
          KeyConditionExpression: '#section = :section',
          ExpressionAttributeNames: { '#section': 'section' },
          ExpressionAttributeValues: { ':section': OFFICE_RULES_SECTION },
          ConsistentRead: true,
        }),
      );
      const revisions = new Map<SettingName, number>();
      const years: PublishedYear[] = [];
      let limits: TimeLimits | undefined;
      for (const item of out.Items ?? []) {
        const name = item.setting as SettingName;
        revisions.set(name, Number(item.revision));
        if (name === 'time-limits') limits = item.value as TimeLimits;
        else years.push({ year: Number(name.slice('calendar-'.length)), ...(item.value as YearSchedule) });
      }
      years.sort((a, b) => a.year - b.year);
      return { data: { ...(limits ? { limits } : {}), years }, revisions };
    },

    async replace(change, revision, by) {
      if (!tables.audit) throw new Error('this function may not change settings (no audit table)');
      return putWithAudit(
        documents,
        {
          TableName: tables.settings,
          Item: {
            section: OFFICE_RULES_SECTION,
            setting: change.name,
            value: change.after,
            revision: revision + 1,
            changedAt: new Date().toISOString(),
            changedBy: by.username,
          },
          // Unchanged since read: the audit's "before" is what was really replaced.
          ConditionExpression: revision === 0 ? 'attribute_not_exists(setting)' : 'revision = :revision',
          ...(revision === 0 ? {} : { ExpressionAttributeValues: { ':revision': revision } }),
        },
        {
          TableName: tables.audit,
          Item: adminChangeAudit({
            subject: `settings:${change.name}`,
            action: change.name === 'time-limits' ? 'change_time_limits' : 'publish_calendar',
            by,
            before: change.before,
            after: change.after,
          }),
        },
      );
    },
  };
}
