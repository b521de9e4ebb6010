import type { Node } from 'constructs';
import * as z from 'zod/mini';

/**
 * Where the pages are served and how staff sign in to the console, from `cdk.json` context — the
 * one place a city names its site. Every stack reads it here: the API's CORS origins, the Cognito
 * app client's callback and logout URLs, the CloudFront site and its Content-Security-Policy.
 */
const httpsUrl = z.url({ protocol: /^https$/, error: '必须是 https:// 地址' });

const siteSettingsSchema = z.strictObject({
  /** The site's own address (citizen pages at `/`, console at `/console/`). */
  url: httpsUrl,
  /** ACM certificate (us-east-1) for the site's domain; without one CloudFront serves its own domain. */
  certificateArn: z.optional(z.string().check(z.startsWith('arn:'))),
  /** Other front ends that call the API from a browser (e.g. a mini-program's web-view host). */
  extraCorsOrigins: z._default(z.array(httpsUrl), []),
  console: z.strictObject({
    /** Prefix of the Cognito hosted sign-in domain: https://<prefix>.auth.<region>.amazoncognito.com */
    authDomainPrefix: z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/)),
    callbackUrls: z.array(httpsUrl).check(z.minLength(1)),
    logoutUrls: z.array(httpsUrl).check(z.minLength(1)),
  }),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const SITE_CONTEXT_KEY = 'civicline:site';

export function siteSettings(node: Node): SiteSettings {
  const parsed = siteSettingsSchema.safeParse(node.tryGetContext(SITE_CONTEXT_KEY));
  if (!parsed.success) {
    throw new Error(`cdk.json context "${SITE_CONTEXT_KEY}" is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Origins a browser may call the API from: the site itself and the configured extras. */
export function corsOrigins(settings: SiteSettings): string[] {
  return [new URL(settings.url).origin, ...settings.extraCorsOrigins.map((url) => new URL(url).origin)];
}
