import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliyunSmsSettingsSchema } from '../../../shared/adapters/aliyun-sms-settings';
import { CITIZEN_TEXT_KINDS, CITIZEN_TEXT_TEMPLATES } from '../../../shared/domain/lifecycle/citizen-texts';
import { SETTING_ENV } from '../../../shared/runtime/environment';
import type { LocalEndpoint } from '../local-api-server';
import { type LocalSmsProvider, startLocalSmsProvider } from './local-sms-provider';

/**
 * Where the synthesized stack texts citizens itself (the China variant), the local SMS stand-in
 * in place of Alibaba Cloud SMS: started with the sign name and templates of the functions'
 * settings and an AccessKey of this machine, which those functions then read from a file instead
 * of Secrets Manager. Undefined when no function texts citizens (the global variant).
 */
export async function standInForTexting(
  environments: ReadonlyMap<string, Record<string, string>>,
  options: { readonly host: string; readonly stateDir: string },
): Promise<LocalSmsProvider | undefined> {
  const texting = [...environments.values()].filter((variables) => SETTING_ENV.smsSettings in variables);
  const first = texting[0];
  if (!first) return undefined;
  const settings = aliyunSmsSettingsSchema.parse(JSON.parse(String(first[SETTING_ENV.smsSettings])));
  const accessKey = { accessKeyId: 'LTAIlocal', accessKeySecret: randomBytes(24).toString('base64url') };
  const provider = await startLocalSmsProvider({
    host: options.host,
    accessKey,
    signName: settings.signName,
    templates: CITIZEN_TEXT_KINDS.map((kind) => ({
      code: settings.templates[kind],
      text: CITIZEN_TEXT_TEMPLATES[kind],
    })),
  });
  const keyFile = join(options.stateDir, 'sms-access-key.json');
  writeFileSync(keyFile, JSON.stringify(accessKey), { mode: 0o600 });
  for (const variables of texting) {
    variables[SETTING_ENV.smsSettings] = JSON.stringify({ ...settings, endpoint: provider.endpoint });
    delete variables[SETTING_ENV.smsAccessKeySecret];
    variables[SETTING_ENV.smsLocalAccessKeyFile] = keyFile;
  }
  return provider;
}

/** GET /local/sms[?phone=…]: the texts the SMS stand-in accepted, oldest first. Local only. */
export function sentTextsEndpoint(provider: LocalSmsProvider): LocalEndpoint {
  return async (request) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' || url.pathname !== '/local/sms') return undefined;
    const phone = url.searchParams.get('phone');
    return {
      status: 200,
      body: { texts: provider.sent.filter((text) => phone === null || text.phone === phone) },
    };
  };
}
