import type { Node } from 'constructs';
import { type AliyunSmsSettings, aliyunSmsSettingsSchema } from '../shared/adapters/aliyun-sms-settings';
import { parseContextValue } from './context-value';

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
  return parseContextValue(SMS_CONTEXT_KEY, aliyunSmsSettingsSchema, raw);
}
