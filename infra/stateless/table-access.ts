import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { TableSchema } from '../../shared/adapters/table-schemas';

/** No Scan: request paths read by key or index only. */
const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
/** An append-only table (the audit trail): new items only, nothing read back, changed or deleted. */
const APPEND_ACTIONS = ['dynamodb:PutItem', 'dynamodb:ConditionCheckItem'];

/**
 * Like `table.grantReadData`/`grantReadWriteData`, but naming each index instead of `index/*` and
 * each KMS action instead of `kms:GenerateDataKey*`/`kms:ReEncrypt*`: least privilege that needs
 * no cdk-nag acknowledgement.
 */
export function grantTableAccess(
  grantee: IGrantable,
  table: ITable,
  schema: TableSchema,
  access: 'read' | 'write' | 'append',
  tableKey: IKey,
): void {
  const indexes = (schema.indexes ?? []).map((i) => `${table.tableArn}/index/${i.indexName}`);
  const actions =
    access === 'write'
      ? [...READ_ACTIONS, ...WRITE_ACTIONS]
      : access === 'append'
        ? APPEND_ACTIONS
        : READ_ACTIONS;
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions,
      resources: access === 'append' ? [table.tableArn] : [table.tableArn, ...indexes],
    }),
  );
  const keyActions = [
    'kms:Decrypt',
    'kms:DescribeKey',
    ...(access === 'read' ? [] : ['kms:Encrypt', 'kms:GenerateDataKey']),
  ];
  tableKey.grant(grantee, ...keyActions);
}
