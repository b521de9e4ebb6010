import type { SynthesizedApp } from './synthesized-app';

export interface LocalSchedule {
  readonly functionName: string;
  /** Milliseconds between runs, as the rule's `rate(...)` says. */
  readonly everyMs: number;
}

const UNIT_MS: Readonly<Record<string, number>> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

/**
 * The EventBridge schedules of the synthesized stack (`rate(1 hour)` → the stalled-case sweep),
 * so the local runtime runs the same functions as often as the cloud would — read from the
 * template, not a second copy of the rate.
 */
export function localSchedules(app: SynthesizedApp): LocalSchedule[] {
  const byLogicalId = new Map([...app.functionLogicalIds].map(([name, id]) => [id, name]));
  return Object.values(app.api.Resources)
    .filter((resource) => resource.Type === 'AWS::Events::Rule')
    .flatMap((rule) => {
      const properties = rule.Properties as {
        ScheduleExpression?: string;
        Targets?: { Arn?: { 'Fn::GetAtt'?: [string, string] } }[];
      };
      const rate = /^rate\((\d+) (\w+)\)$/.exec(properties.ScheduleExpression ?? '');
      const unit = rate ? UNIT_MS[rate[2] ?? ''] : undefined;
      if (!rate || !unit) return [];
      return (properties.Targets ?? []).flatMap((target) => {
        const functionName = byLogicalId.get(target.Arn?.['Fn::GetAtt']?.[0] ?? '');
        return functionName ? [{ functionName, everyMs: Number(rate[1]) * unit }] : [];
      });
    });
}
