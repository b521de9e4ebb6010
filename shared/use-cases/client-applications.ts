import { CivicError } from '../domain/errors';
import type { StaffActor } from '../domain/roles';
import type { ClientKeys } from '../ports/client-keys';

export interface ClientApplicationDependencies {
  readonly clientKeys: ClientKeys;
}

/** POST /v1/open311/keys: an administrator registers a 311 client application; its key is shown once. */
export async function issueClientKey(deps: ClientApplicationDependencies, admin: StaffActor, name: string) {
  return deps.clientKeys.issue(name, admin.username);
}

/** GET /v1/open311/keys: the applications, never their keys. */
export async function listClientApplications(deps: ClientApplicationDependencies) {
  return { applications: await deps.clientKeys.list() };
}

/** DELETE /v1/open311/keys/{keyId}: the key is refused from its next use on. */
export async function revokeClientKey(deps: ClientApplicationDependencies, admin: StaffActor, keyId: string) {
  if (!(await deps.clientKeys.revoke(keyId, admin.username))) {
    throw new CivicError(404, 'UNKNOWN_KEY', '没有这个客户端密钥');
  }
  return { keyId, revoked: true };
}
