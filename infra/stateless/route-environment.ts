import { Stack, Validations } from 'aws-cdk-lib';
import { type IGrantable, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct, IConstruct } from 'constructs';
import { TABLE_SCHEMAS } from '../../shared/adapters/table-schemas';
import { CASE_FILES_PREFIX, UPLOAD_PREFIX } from '../../shared/domain/attachment';
import type { FunctionDefinition, RouteDefinition } from '../../shared/functions/route-table';
import { COGNITO_CLAIMS } from '../../shared/http/staff-claims';
import { SETTING_ENV, STAFF_TOKEN_ENV, TABLE_ENV, type TableRole } from '../../shared/runtime/environment';
import type { CivicDataStack } from '../stateful/civic-data-stack';
import { grantTableAccess } from './table-access';

export interface Lifecycle {
  readonly stateMachine: IStateMachine;
  readonly notificationTopic: ITopic;
}

/**
 * What a function may touch, from its definition: each table it names (read or write, which
 * includes the KMS use of the table key), the key ring when it handles contact data, the
 * workflow, the outbox and notification topic. Returns the environment that goes with it.
 */
export function wireFunction(
  scope: Construct,
  definition: FunctionDefinition | RouteDefinition,
  data: CivicDataStack,
  fn: IFunction,
  lifecycle?: Lifecycle,
): Record<string, string> {
  const environment: Record<string, string> = {};
  const uses = new Map<TableRole, 'read' | 'write' | 'append'>();
  const rank = { read: 0, append: 1, write: 2 } as const;
  const use = (table: TableRole, access: 'read' | 'write' | 'append') => {
    const current = uses.get(table);
    if (!current || rank[access] > rank[current]) uses.set(table, access);
  };
  for (const tableUse of definition.tables) use(tableUse.table, tableUse.access);
  const texting = definition.textsCitizens ? data.citizenTexting : undefined;
  // Texting a citizen takes their mobile number: the case, and the key that opens its contact.
  if (texting) for (const table of ['letters', 'tickets', 'consultations'] as const) use(table, 'read');
  const usesKeys = definition.usesKeys || texting !== undefined;
  if (usesKeys) use('keyring', 'write');
  if (definition.workflow) use('workflowTasks', 'write');
  if (definition.notifies) use('notifications', 'write');
  for (const [role, access] of uses) {
    const table = data.tables[role];
    environment[TABLE_ENV[role]] = table.tableName;
    grantTableAccess(fn, table, TABLE_SCHEMAS[role], access, data.dataKey);
  }
  if (usesKeys) {
    environment[SETTING_ENV.keyWrapper] = 'kms';
    environment[SETTING_ENV.kmsKeyId] = data.dataKey.keyArn;
    data.dataKey.grant(fn, 'kms:Encrypt', 'kms:Decrypt');
  }
  if (definition.workflow && lifecycle) {
    grantTaskResponse(scope, definition.functionName, fn, lifecycle.stateMachine);
    if (definition.workflow === 'start') {
      environment[SETTING_ENV.stateMachineArn] = lifecycle.stateMachine.stateMachineArn;
      lifecycle.stateMachine.grantStartExecution(fn);
    }
  }
  if (definition.notifies && lifecycle) {
    environment[SETTING_ENV.notificationTopicArn] = lifecycle.notificationTopic.topicArn;
    // grantPublish would add kms:GenerateDataKey* for the topic's key; these are the actions used.
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['sns:Publish'], resources: [lifecycle.notificationTopic.topicArn] }),
    );
    data.dataKey.grant(fn, 'kms:GenerateDataKey', 'kms:Decrypt');
  }
  if (texting) {
    environment[SETTING_ENV.smsSettings] = JSON.stringify(texting.settings);
    environment[SETTING_ENV.smsAccessKeySecret] = texting.accessKey.secretArn;
    // grantRead would add the role to the data key's policy in the data stack: a cycle between them.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: [texting.accessKey.secretArn],
      }),
    );
    data.dataKey.grant(fn, 'kms:Decrypt');
  }
  const { userPool, claims } = data.staffTokens;
  if (definition.administersSignIn && !userPool) {
    // Accounts live in the city's identity platform: the directory is all this product keeps.
    environment[SETTING_ENV.signInAccounts] = 'external';
  }
  if (definition.administersSignIn && userPool) {
    environment[SETTING_ENV.signInAccounts] = 'cognito';
    environment[SETTING_ENV.staffUserPoolId] = userPool.userPoolId;
    // What creating, changing and disabling an account takes, on this pool only.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminSetUserPassword',
          'cognito-idp:AdminUpdateUserAttributes',
          'cognito-idp:AdminDeleteUserAttributes',
          'cognito-idp:AdminListGroupsForUser',
          'cognito-idp:AdminAddUserToGroup',
          'cognito-idp:AdminRemoveUserFromGroup',
          'cognito-idp:AdminEnableUser',
          'cognito-idp:AdminDisableUser',
          'cognito-idp:AdminUserGlobalSignOut',
        ],
        resources: [userPool.userPoolArn],
      }),
    );
  }
  if (definition.attachments) {
    const { bucket } = data.attachments;
    environment[SETTING_ENV.attachmentsBucket] = bucket.bucketName;
    for (const grant of ATTACHMENT_GRANTS[definition.attachments]) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: [...grant.actions],
          resources: [
            grant.prefix === undefined ? bucket.bucketArn : bucket.arnForObjects(`${grant.prefix}*`),
          ],
        }),
      );
      if (grant.prefix !== undefined && fn.role) {
        Validations.of(fn.role).acknowledge({
          id: `AwsSolutions::AwsSolutions-IAM5[Resource::${importedName(bucket.bucketArn, bucket)}/${grant.prefix}*]`,
          reason: `Every attached file has its own random key: ${grant.actions.join(', ')} on the ${grant.prefix} prefix of the attachment bucket only.`,
        });
      }
    }
  }
  const access = 'access' in definition ? definition.access : undefined;
  if (access === 'citizen-or-staff') {
    environment[STAFF_TOKEN_ENV.issuer] = data.staffTokens.issuer;
    environment[STAFF_TOKEN_ENV.audience] = data.staffTokens.audience.join(',');
    environment[STAFF_TOKEN_ENV.jwksUrl] = data.staffTokens.jwksUrl;
  }
  // Every function that reads staff claims reads them in the platform's shape (Cognito's is the default).
  if (access !== undefined && access !== 'public' && claims !== COGNITO_CLAIMS) {
    environment[STAFF_TOKEN_ENV.claims] = JSON.stringify(claims);
  }
  return environment;
}

/**
 * The name the API stack imports a value of the data stack by (cdk-nag names a resource by it):
 * `exportValue` makes the same export the automatic cross-stack reference makes.
 */
function importedName(value: string, owner: IConstruct): string {
  const stack = Stack.of(owner);
  const imported = stack.resolve(stack.exportValue(value)) as { 'Fn::ImportValue'?: string };
  if (!imported['Fn::ImportValue']) throw new Error('expected a cross-stack import');
  return imported['Fn::ImportValue'];
}

/**
 * What each use of the attachment bucket may do (route-table.ts `attachments`), by prefix: signing
 * an upload form takes PutObject on `uploads/`; linking reads and deletes uploads and writes under
 * `cases/` (CopyObject); reading signs GetObject links under `cases/`. Linking also lists the
 * bucket, without which S3 answers a missing upload with 403 instead of 404.
 */
const ATTACHMENT_GRANTS: Readonly<
  Record<
    NonNullable<FunctionDefinition['attachments']>,
    readonly { readonly prefix?: string; readonly actions: readonly string[] }[]
  >
> = {
  offer: [{ prefix: UPLOAD_PREFIX, actions: ['s3:PutObject'] }],
  link: [
    { prefix: UPLOAD_PREFIX, actions: ['s3:GetObject', 's3:DeleteObject'] },
    { prefix: CASE_FILES_PREFIX, actions: ['s3:PutObject'] },
    { actions: ['s3:ListBucket'] },
  ],
  read: [{ prefix: CASE_FILES_PREFIX, actions: ['s3:GetObject'] }],
};

/**
 * SendTaskSuccess on the state machine, in a policy of its own: the machine's own functions get it
 * too, and a Lambda waits for its default policy, which would then wait for the machine that
 * waits for the Lambda.
 */
function grantTaskResponse(
  scope: Construct,
  functionName: string,
  fn: IGrantable & IFunction,
  stateMachine: IStateMachine,
) {
  const role = fn.role;
  if (!role) return;
  new Policy(scope, `${functionName}-task-response`, {
    roles: [role],
    statements: [
      new PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
        resources: [stateMachine.stateMachineArn],
      }),
    ],
  });
}
