import { createHash, randomBytes } from 'node:crypto';
import type { StaffDirectory } from '../../shared/ports/staff-directory';
import type { LocalEndpoint, LocalReply } from './local-api-server';
import type { LocalIssuer } from './local-issuer';

/**
 * The city's identity platform's sign-in (统一身份认证), as the console meets it in the China
 * stack: OpenID Connect discovery, an authorization endpoint that lets a person pick one of the
 * directory's enabled accounts (the platform's own login page stands here), and a token endpoint
 * for the authorization code with PKCE — S256 only, each code once, for one minute, bound to its
 * client and redirect address — answering the platform's access token and an ID token. Served
 * under the local issuer's address with `CIVICLINE_IDENTITY=oidc`.
 */
export function platformSignIn(issuer: LocalIssuer, staff: StaffDirectory, origin: string): LocalEndpoint {
  const base = new URL(issuer.issuer).pathname;
  const requests = new Map<string, AuthorizationRequest & { expiresAt: number }>();
  const codes = new Map<string, AuthorizationRequest & { username: string; expiresAt: number }>();
  // A sign-in abandoned half way is forgotten: the maps hold only what can still be used.
  const forgetExpired = () => {
    const now = Date.now();
    for (const pending of [requests, codes])
      for (const [key, value] of pending) if (value.expiresAt < now) pending.delete(key);
  };
  const consoleUrl = `${origin}/console/`;

  return async (request, body) => {
    const url = new URL(request.url ?? '/', origin);
    if (!url.pathname.startsWith(base)) return undefined;
    const path = url.pathname.slice(base.length);
    if (request.method === 'GET' && path === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: issuer.issuer,
        authorization_endpoint: `${issuer.issuer}/authorize`,
        token_endpoint: `${issuer.issuer}/token`,
        jwks_uri: `${issuer.issuer}/.well-known/jwks.json`,
        end_session_endpoint: `${issuer.issuer}/logout`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code'],
        code_challenge_methods_supported: ['S256'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid', issuer.claims.scope],
        token_endpoint_auth_methods_supported: ['none'],
      });
    }
    if (request.method === 'GET' && path === '/authorize') {
      const problem = authorizationProblem(url.searchParams, issuer.audience, consoleUrl);
      if (problem) return page(400, `<p>${htmlText(problem)}</p>`);
      const id = randomBytes(16).toString('base64url');
      forgetExpired();
      requests.set(id, {
        expiresAt: Date.now() + 600_000,
        clientId: issuer.audience,
        redirectUri: String(url.searchParams.get('redirect_uri')),
        codeChallenge: String(url.searchParams.get('code_challenge')),
        state: url.searchParams.get('state') ?? '',
        nonce: url.searchParams.get('nonce') ?? undefined,
      });
      const accounts = (await staff.list()).filter((account) => account.enabled);
      return page(
        200,
        `<p>请选择登录账号（本机模拟的统一身份认证平台）</p><ul>${accounts
          .sort((a, b) => a.username.localeCompare(b.username))
          .map(
            (account) =>
              `<li><a href="${base}/authorize/approve?request=${id}&amp;username=${encodeURIComponent(account.username)}">${htmlText(account.username)}</a> ${htmlText(account.displayName)}</li>`,
          )
          .join('')}</ul>`,
      );
    }
    if (request.method === 'GET' && path === '/authorize/approve') {
      forgetExpired();
      const pending = requests.get(url.searchParams.get('request') ?? '');
      const account = await staff.get(url.searchParams.get('username') ?? '');
      if (!pending || !account?.enabled) return page(400, '<p>登录请求已失效，请回到工作台重新登录</p>');
      requests.delete(url.searchParams.get('request') ?? '');
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { ...pending, username: account.username, expiresAt: Date.now() + 60_000 });
      const back = new URL(pending.redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', pending.state);
      return { status: 302, body: '', contentType: 'text/plain', headers: { location: back.toString() } };
    }
    if (request.method === 'POST' && path === '/token') {
      const form = new URLSearchParams(body.toString('utf8'));
      const code = form.get('code') ?? '';
      const granted = codes.get(code);
      codes.delete(code);
      if (
        form.get('grant_type') !== 'authorization_code' ||
        !granted ||
        granted.expiresAt < Date.now() ||
        form.get('client_id') !== granted.clientId ||
        form.get('redirect_uri') !== granted.redirectUri ||
        s256(form.get('code_verifier') ?? '') !== granted.codeChallenge
      ) {
        return json(400, { error: 'invalid_grant' });
      }
      const account = await staff.get(granted.username);
      if (!account?.enabled) return json(400, { error: 'invalid_grant' });
      return json(200, {
        token_type: 'Bearer',
        expires_in: 3600,
        scope: `openid ${issuer.claims.scope}`,
        access_token: await issuer.accessToken(account),
        id_token: await issuer.idToken(account, granted.clientId, granted.nonce),
      });
    }
    if (request.method === 'GET' && path === '/logout') {
      const back = url.searchParams.get('logout_uri') ?? url.searchParams.get('post_logout_redirect_uri');
      return {
        status: 302,
        body: '',
        contentType: 'text/plain',
        headers: { location: back?.startsWith(origin) ? back : consoleUrl },
      };
    }
    return undefined;
  };
}

interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly state: string;
  readonly nonce: string | undefined;
}

/** What the platform refuses at its authorization endpoint: an unknown client or address, no PKCE. */
function authorizationProblem(
  query: URLSearchParams,
  clientId: string,
  consoleUrl: string,
): string | undefined {
  if (query.get('response_type') !== 'code') return 'response_type 必须是 code';
  if (query.get('client_id') !== clientId) return '未登记的应用（client_id）';
  if (!(query.get('redirect_uri') ?? '').startsWith(consoleUrl)) return '未登记的回调地址（redirect_uri）';
  if (query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge'))
    return '必须使用 PKCE（S256）';
  if (!(query.get('scope') ?? '').split(' ').includes('openid')) return 'scope 必须包含 openid';
  return undefined;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function json(status: number, body: unknown): LocalReply {
  return { status, body, headers: { 'cache-control': 'no-store' } };
}

function page(status: number, content: string): LocalReply {
  return {
    status,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>统一身份认证</title></head><body><h1>统一身份认证</h1>${content}</body></html>`,
    headers: {
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; form-action 'self'",
    },
  };
}

function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
