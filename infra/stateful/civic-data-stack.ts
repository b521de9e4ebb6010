import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { TABLE_SCHEMAS } from '../../shared/adapters/table-schemas';
import type { TableRole } from '../../shared/runtime/environment';
import { AttachmentBucket } from './attachment-bucket';
import { civicTable } from './civic-table';
import { StaffDirectory } from './staff-directory';

/** Everything that holds state: the key, the tables, the attached files and the staff directory. */
export class CivicDataStack extends Stack {
  readonly dataKey: Key;
  readonly tables: Readonly<Record<TableRole, Table>>;
  readonly staff: StaffDirectory;
  readonly attachments: AttachmentBucket;

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
    this.staff = new StaffDirectory(this, 'Staff');
    this.attachments = new AttachmentBucket(this, 'Attachments');
  }
}

/** `letters` → `LettersTable`: the logical id the local runtime recognises tables by. */
export function tableConstructId(role: TableRole): string {
  return `${role[0]?.toUpperCase()}${role.slice(1)}Table`;
}
