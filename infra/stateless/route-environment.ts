import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { SETTING_ENV, TABLE_ENV, type TableRole } from '../../shared/runtime/environment';
import type { RouteDefinition } from '../routes';
import type { CivicDataStack } from '../stateful/civic-data-stack';
import { TABLE_SCHEMAS } from '../table-schemas';
import { grantTableAccess } from './table-access';

/** Token settings for functions that verify staff tokens themselves (`citizen-or-staff` routes). */
export const STAFF_TOKEN_ENV = {
  issuer: 'STAFF_TOKEN_ISSUER',
  audience: 'STAFF_TOKEN_AUDIENCE',
  jwksUrl: 'STAFF_TOKEN_JWKS_URL',
} as const;

/**
 * What a route's function may touch, from the route table: each table it names (read or write,
 * which includes the KMS use of the table key), and the key ring when it handles contact data.
 */
export function wireRoute(
  route: RouteDefinition,
  data: CivicDataStack,
  fn: IGrantable,
): Record<string, string> {
  const environment: Record<string, string> = {};
  const uses = new Map<TableRole, 'read' | 'write'>();
  for (const use of route.tables) {
    if (uses.get(use.table) !== 'write') uses.set(use.table, use.access);
  }
  if (route.usesKeys) uses.set('keyring', 'write');
  for (const [role, access] of uses) {
    const table = data.tables[role];
    environment[TABLE_ENV[role]] = table.tableName;
    grantTableAccess(fn, table, TABLE_SCHEMAS[role], access, data.dataKey);
  }
  if (route.usesKeys) {
    environment[SETTING_ENV.keyWrapper] = 'kms';
    environment[SETTING_ENV.kmsKeyId] = data.dataKey.keyArn;
    data.dataKey.grant(fn, 'kms:Encrypt', 'kms:Decrypt');
  }
  if (route.access === 'citizen-or-staff') {
    const { userPool, consoleClient } = data.staff;
    environment[STAFF_TOKEN_ENV.issuer] = userPool.userPoolProviderUrl;
    environment[STAFF_TOKEN_ENV.audience] = consoleClient.userPoolClientId;
    environment[STAFF_TOKEN_ENV.jwksUrl] = `${userPool.userPoolProviderUrl}/.well-known/jwks.json`;
  }
  return environment;
}
