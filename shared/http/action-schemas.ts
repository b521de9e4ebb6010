import * as z from 'zod/mini';
import { ratingFields } from '../domain/lifecycle/actions/rate';

/** POST /v1/cases/{caseId}/actions reads the lifecycle's own table: caseActionSchema(limits). */
export { caseActionSchema } from '../domain/lifecycle/action-table';

/** POST /v1/cases/{caseId}/rating: the citizen's own rating. */
export const citizenRatingSchema = z.strictObject(ratingFields);
