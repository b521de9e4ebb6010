import { Logger } from '@aws-lambda-powertools/logger';
import { RedactingLogFormatter } from './redacting-log-formatter';

/** One structured logger for every function; contact data never leaves it (see the formatter). */
export const logger = new Logger({ serviceName: 'civicline', logFormatter: new RedactingLogFormatter() });
