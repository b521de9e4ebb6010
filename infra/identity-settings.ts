import type { Node } from 'constructs';
import * as z from 'zod/mini';
import { staffClaimsMappingSchema } from '../shared/http/staff-claims';
import { parseContextValue } from './context-value';

/**
 * The city's own identity platform (统一身份认证, OpenID Connect) that staff sign in with where
 * there is no Cognito (the China stack): cdk.json context `civicline:identity`. Its tokens are
 * read through `claims` (staff-claims.ts) by the API's JWT authorizer, the functions and the console.
 */
export const IDENTITY_CONTEXT_KEY = 'civicline:identity';

const url = z.url({ protocol: /^https?$/, error: '必须是 http(s):// 地址' });

export const identitySettingsSchema = z.strictObject({
  /** The issuer (`iss`) of its access tokens; its discovery document names the endpoints. */
  issuer: url,
  /** The audiences (`aud` or `client_id`) the API accepts: the console's client id first. */
  audience: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  /** Where its signing keys are published. */
  jwksUrl: url,
  claims: staffClaimsMappingSchema,
  /** Where signing out ends the platform's session. */
  logoutUrl: url,
});

export type IdentitySettings = z.infer<typeof identitySettingsSchema>;

/** The configured identity platform (read by the China stack only: the global one has Cognito). */
export function identitySettings(node: Node): IdentitySettings | undefined {
  return parseIdentitySettings(node.tryGetContext(IDENTITY_CONTEXT_KEY));
}

/** The context value, validated (the local runtime reads it from cdk.json as the synth does). */
export function parseIdentitySettings(raw: unknown): IdentitySettings | undefined {
  return parseContextValue(IDENTITY_CONTEXT_KEY, identitySettingsSchema, raw);
}
