import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger for every function; request bodies and contact data are never logged. */
export const logger = new Logger({ serviceName: 'civicline' });
