import type { Node } from 'constructs';
import * as z from 'zod';
import { type AliyunSmsSettings, aliyunSmsSettingsSchema } from '../shared/adapters/aliyun-sms-settings';

/**
 * The city's Alibaba Cloud SMS sign name and registered templates: cdk.json context `civicline:sms`,
 * read where the stack texts citizens itself (deploy-target.ts `textsCitizens`).
 */
export const SMS_CONTEXT_KEY = 'civicline:sms';

export function smsSettings(node: Node): AliyunSmsSettings | undefined {
  return parseSmsSettings(node.tryGetContext(SMS_CONTEXT_KEY));
}

/** The context value, validated (the local runtime reads it from cdk.json as the synth does). */
export function parseSmsSettings(raw: unknown): AliyunSmsSettings | undefined {
  if (raw === undefined) return undefined;
  const parsed = aliyunSmsSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`cdk.json context "${SMS_CONTEXT_KEY}" is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
