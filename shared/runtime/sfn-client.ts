import { SFNClient } from '@aws-sdk/client-sfn';
import { withFaultInjection } from '../adapters/fault-injection';
import { withUsageMetering } from '../adapters/usage-meter';
import { SDK_REQUEST_HANDLER } from './sdk-request-handler';

let sfn: SFNClient | undefined;

/**
 * Step Functions, for the functions that start or signal the workflow only (a module of its own so
 * that no other function loads the SFN client at its cold start). Locally AWS_ENDPOINT_URL_SFN
 * points at the local runner's stand-in.
 */
export function sfnClient(): SFNClient {
  sfn ??= withUsageMetering(
    withFaultInjection(new SFNClient({ requestHandler: SDK_REQUEST_HANDLER }), 'sfn'),
    'sfn',
  );
  return sfn;
}
