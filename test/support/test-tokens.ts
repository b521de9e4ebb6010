import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimsOfShape } from '../../infra/local/local-identity';
import { createLocalIssuer, type LocalIssuer } from '../../infra/local/local-issuer';
import { staffFromClaims } from '../../shared/http/staff-identity';
import { STAFF_TOKEN_ENV } from '../../shared/runtime/environment';
import { TEST_IDENTITY } from './identity-shape';

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
      claimsOfShape(TEST_IDENTITY),
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
  // Claims as a test writes them for an authorizer, in this run's shape (identity-shape.ts).
  const staff = staffFromClaims(claims, claimsOfShape(TEST_IDENTITY));
  return (await issuer).accessToken({
    username: staff.username,
    roles: staff.roles,
    ...(staff.departmentId ? { departmentId: staff.departmentId } : {}),
  });
}
