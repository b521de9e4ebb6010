import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withFaultInjection } from '../adapters/fault-injection';
import { withUsageMetering } from '../adapters/usage-meter';
import { SDK_REQUEST_HANDLER } from './sdk-request-handler';

/**
 * One SDK client per process, created on first use so that tests and the local server can set the
 * endpoint (AWS_ENDPOINT_URL_DYNAMODB) before any handler module touches it.
 */
let dynamo: DynamoDBClient | undefined;
let documents: DynamoDBDocumentClient | undefined;

export function dynamoClient(): DynamoDBClient {
  dynamo ??= withUsageMetering(
    withFaultInjection(new DynamoDBClient({ requestHandler: SDK_REQUEST_HANDLER }), 'dynamodb'),
    'dynamodb',
  );
  return dynamo;
}

export function documentClient(): DynamoDBDocumentClient {
  documents ??= DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return documents;
}
