import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { json } from '../shared/http/responses';
import { documentClient } from '../shared/runtime/clients';
import { tableName } from '../shared/runtime/environment';

/** GET /v1/health — answers once the API and its database answer. */
export const health = async () => {
  await documentClient().send(
    new GetCommand({ TableName: tableName('departments'), Key: { departmentId: 'health-check' } }),
  );
  return json(200, { status: 'ok' });
};

export const handler = httpHandler(health);
