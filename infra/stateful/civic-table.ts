import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { TableSchema } from '../../shared/adapters/table-schemas';

/**
 * House defaults for every table: on-demand, encrypted with our customer-managed key,
 * point-in-time recovery, deletion protection, and kept when the stack goes away (RETAIN):
 * citizens' letters outlive any deployment.
 */
export function civicTable(scope: Construct, id: string, schema: TableSchema, encryptionKey: IKey): Table {
  const table = new Table(scope, id, {
    partitionKey: { name: schema.partitionKey, type: AttributeType.STRING },
    ...(schema.sortKey ? { sortKey: { name: schema.sortKey, type: AttributeType.STRING } } : {}),
    billingMode: BillingMode.PAY_PER_REQUEST,
    encryption: TableEncryption.CUSTOMER_MANAGED,
    encryptionKey,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    ...(schema.timeToLive ? { timeToLiveAttribute: schema.timeToLive } : {}),
    ...(schema.stream ? { stream: StreamViewType[schema.stream] } : {}),
  });
  for (const index of schema.indexes ?? []) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      ...(index.sortKey ? { sortKey: { name: index.sortKey, type: AttributeType.STRING } } : {}),
      ...(index.projects
        ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projects] }
        : {}),
    });
  }
  return table;
}
