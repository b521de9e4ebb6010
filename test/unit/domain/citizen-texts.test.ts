import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../infra/project-paths';
import { parseSmsSettings } from '../../../infra/sms-settings';
import {
  CITIZEN_TEXT_KINDS,
  CITIZEN_TEXT_TEMPLATES,
  citizenTextOf,
  renderCitizenText,
} from '../../../shared/domain/lifecycle/citizen-texts';
import { replyDeliveredNotices } from '../../../shared/domain/lifecycle/notices';

/** What a citizen's phone shows (issue 15): registered templates, filled with the case number only. */
describe('citizen texts', () => {
  it('take the case number as their only parameter, and fit one message with the sign name', () => {
    for (const kind of CITIZEN_TEXT_KINDS) {
      const template = CITIZEN_TEXT_TEMPLATES[kind];
      expect([...template.matchAll(/\$\{(\w+)\}/g)].map(([, name]) => name)).toEqual(['caseId']);
      // 70 characters make one message; a sign name of up to 12 and 【】 leave the rest.
      const rendered = renderCitizenText({ kind, parameters: { caseId: 'XJ20261205000123' } });
      expect(rendered.length + 14, kind).toBeLessThanOrEqual(70);
    }
  });

  it('exist for every notice the lifecycle addresses to the citizen, and for nobody else', () => {
    for (const notice of replyDeliveredNotices('XJ20261205000123')) {
      expect(citizenTextOf({ ...notice, caseId: 'XJ20261205000123' })).toEqual({
        kind: notice.kind,
        parameters: { caseId: 'XJ20261205000123' },
      });
    }
    for (const kind of ['rejected', 'merged'] as const) {
      expect(citizenTextOf({ kind, audience: { citizen: true }, caseId: 'XJ1' })?.kind).toBe(kind);
    }
    expect(
      citizenTextOf({ kind: 'transferred', audience: { departmentId: 'dept-housing' }, caseId: 'XJ1' }),
    ).toBe(undefined);
    expect(citizenTextOf({ kind: 'supervision', audience: { role: 'dispatcher' }, caseId: 'XJ1' })).toBe(
      undefined,
    );
  });

  it('are listed in the README as the texts a city registers, word for word', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    for (const kind of CITIZEN_TEXT_KINDS) {
      expect(readme, kind).toContain(`| \`${kind}\``);
      expect(readme, kind).toContain(CITIZEN_TEXT_TEMPLATES[kind]);
    }
  });

  it('need a registered template code for every kind, or the synth stops with the reason', () => {
    const templates = Object.fromEntries(CITIZEN_TEXT_KINDS.map((kind, i) => [kind, `SMS_${100 + i}`]));
    expect(parseSmsSettings({ signName: '某市12345', templates })?.endpoint).toBe(
      'https://dysmsapi.aliyuncs.com',
    );
    expect(() =>
      parseSmsSettings({ signName: '某市12345', templates: { ...templates, merged: undefined } }),
    ).toThrow(/civicline:sms.*invalid/s);
    expect(() =>
      parseSmsSettings({ signName: '某市12345', templates: { ...templates, merged: '1234' } }),
    ).toThrow(/SMS_123456789/);
  });
});
