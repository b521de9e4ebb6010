import { describe, expect, it } from 'vitest';
import { cdkJsonContext } from '../../infra/cdk-json-context';
import { chinaSite, nginxHeaders } from '../../infra/china-site';
import { IDENTITY_CONTEXT_KEY, parseIdentitySettings } from '../../infra/identity-settings';

/**
 * The pages of the China stack (issue 15), published by the city's own web server: the console
 * signs in at the identity platform cdk.json names, with the headers CloudFront gives elsewhere.
 */
const identity = parseIdentitySettings(cdkJsonContext()[IDENTITY_CONTEXT_KEY]);
if (!identity) throw new Error('cdk.json names no identity platform');

describe('the China site', () => {
  it('signs staff in at the city’s identity platform: its issuer, the console’s client, the API’s scope', () => {
    const { config } = chinaSite(identity, 'https://api.12345.example.gov.cn');
    expect(config).toEqual({
      apiUrl: 'https://api.12345.example.gov.cn',
      signIn: {
        kind: 'oidc',
        authority: identity.issuer,
        clientId: identity.audience[0],
        scope: `openid profile ${identity.claims.scope}`,
        logoutUrl: identity.logoutUrl,
      },
    });
  });

  it('lets the pages call only the API, the platform and the attachment bucket', () => {
    const { headers } = chinaSite(identity, 'https://api.12345.example.gov.cn');
    const connect = headers['Content-Security-Policy']?.split('; ').find((d) => d.startsWith('connect-src'));
    expect(connect).toBe(
      `connect-src 'self' https://api.12345.example.gov.cn https://*.amazonaws.com.cn ${new URL(identity.issuer).origin}`,
    );
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(nginxHeaders(headers)).toContain(
      'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;',
    );
  });
});
