import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { TABLE_SCHEMAS } from '../../shared/adapters/table-schemas';
import type { TableRole } from '../../shared/runtime/environment';
import { targetFeatures } from '../deploy-target';
import { IDENTITY_CONTEXT_KEY, identitySettings } from '../identity-settings';
import { SMS_CONTEXT_KEY, smsSettings } from '../sms-settings';
import { AttachmentBucket } from './attachment-bucket';
import { CitizenTexting } from './citizen-texting';
import { civicTable } from './civic-table';
import { StaffDirectory } from './staff-directory';
import { cognitoTokens, externalTokens, type StaffTokens } from './staff-tokens';

/** Everything that holds state: the key, the tables, the attached files and the staff directory. */
export class CivicDataStack extends Stack {
  readonly dataKey: Key;
  readonly tables: Readonly<Record<TableRole, Table>>;
  /** The Cognito pool staff sign in with, where this stack has one (not in China). */
  readonly staff?: StaffDirectory;
  /** Who issues the staff tokens the API trusts: that pool, or the city's identity platform. */
  readonly staffTokens: StaffTokens;
  readonly attachments: AttachmentBucket;
  /** The SMS provider citizens are texted through, where the stack texts them itself (China). */
  readonly citizenTexting?: CitizenTexting;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.dataKey = new Key(this, 'DataKey', {
      description: 'CivicLine: encrypts case tables and wraps the contact-data keys',
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const tables = {} as Record<TableRole, Table>;
    for (const [role, schema] of Object.entries(TABLE_SCHEMAS) as [
      TableRole,
      (typeof TABLE_SCHEMAS)[TableRole],
    ][]) {
      tables[role] = civicTable(this, tableConstructId(role), schema, this.dataKey);
    }
    this.tables = tables;
    // Staff sign in with Cognito where it exists, with the city's identity platform in China.
    if (targetFeatures(this.node).cognito) {
      this.staff = new StaffDirectory(this, 'Staff');
      this.staffTokens = cognitoTokens(this.staff, this.region, this.urlSuffix);
    } else {
      const identity = identitySettings(this.node);
      if (!identity) {
        throw new Error(
          `The China stack has no Cognito: name the city's identity platform in cdk.json context "${IDENTITY_CONTEXT_KEY}"`,
        );
      }
      this.staffTokens = externalTokens(identity);
    }
    this.attachments = new AttachmentBucket(this, 'Attachments');
    if (targetFeatures(this.node).textsCitizens) {
      const sms = smsSettings(this.node);
      if (!sms) {
        throw new Error(
          `The China stack has no SNS SMS: name the city's SMS sign name and templates in cdk.json context "${SMS_CONTEXT_KEY}"`,
        );
      }
      this.citizenTexting = new CitizenTexting(this, 'CitizenTexting', sms, this.dataKey);
    }
  }
}

/** `letters` → `LettersTable`: the logical id the local runtime recognises tables by. */
export function tableConstructId(role: TableRole): string {
  return `${role[0]?.toUpperCase()}${role.slice(1)}Table`;
}
