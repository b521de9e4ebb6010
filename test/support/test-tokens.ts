import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalIssuer, type LocalIssuer } from '../../infra/local/local-issuer';
import type { StaffRole } from '../../shared/domain/roles';
import { STAFF_TOKEN_ENV } from '../../shared/runtime/environment';

let issuer: Promise<LocalIssuer> | undefined;

/**
 * Real signed staff tokens for handlers that verify tokens themselves: the local issuer, its JWKS
 * served on a loopback port, and the function's token settings pointing at it.
 */
export async function issueTestToken(claims: Record<string, string>): Promise<string> {
  issuer ??= (async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    server.unref();
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const created = await createLocalIssuer(
      join(mkdtempSync(join(tmpdir(), 'civicline-issuer-')), 'key.json'),
      `${url}/issuer`,
    );
    server.on('request', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(created.jwks));
    });
    Object.assign(process.env, {
      [STAFF_TOKEN_ENV.issuer]: created.issuer,
      [STAFF_TOKEN_ENV.audience]: created.audience,
      [STAFF_TOKEN_ENV.jwksUrl]: `${url}/jwks.json`,
    });
    return created;
  })();
  const roles = (claims['cognito:groups'] ?? '')
    .replace(/[[\]]/g, '')
    .split(/\s+/)
    .filter(Boolean) as StaffRole[];
  return (await issuer).accessToken({
    username: claims.username ?? 'unknown',
    roles,
    ...(claims.department ? { departmentId: claims.department } : {}),
  });
}
