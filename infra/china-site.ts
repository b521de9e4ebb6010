import { contentSecurityPolicy, type SiteConfig } from '../shared/contract/site-config';
import type { IdentitySettings } from './identity-settings';
import { consoleSignIn, externalTokens } from './stateful/staff-tokens';

/**
 * The pages where the stack has no CloudFront site (China: no CloudFront Functions or
 * response-header policies there): the same build, published behind the city's ICP-filed domain
 * by its own web server, with the `/config.json` and the security headers CloudFront would have
 * given — the console signing in at the city's identity platform.
 */
export interface ChinaSite {
  readonly config: SiteConfig;
  /** Response headers every page needs, for the city's web server. */
  readonly headers: Readonly<Record<string, string>>;
}

export function chinaSite(identity: IdentitySettings, apiUrl: string): ChinaSite {
  const tokens = externalTokens(identity);
  return {
    config: { apiUrl, signIn: consoleSignIn(tokens) },
    headers: {
      'Content-Security-Policy': contentSecurityPolicy([
        ...(apiUrl ? [new URL(apiUrl).origin] : []),
        // Files are posted straight to the attachment bucket (presigned POST) in the China partition.
        'https://*.amazonaws.com.cn',
        ...tokens.console.origins,
      ]),
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    },
  };
}

/** The headers as nginx `add_header` lines (the web server most city gateways run). */
export function nginxHeaders(headers: ChinaSite['headers']): string {
  return `${Object.entries(headers)
    .map(([name, value]) => `add_header ${name} "${value}" always;`)
    .join('\n')}\n`;
}
