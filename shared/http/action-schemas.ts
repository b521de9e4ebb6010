import * as z from 'zod';
import { HOTLINE_CHANNELS, REQUEST_TYPES } from '../domain/case-kinds';
import { ratingFields } from '../domain/lifecycle/actions/rate';
import { text } from '../domain/text-field';
import { citizenContactSchema, locationSchema } from './intake-schemas';

/** POST /v1/cases/{caseId}/actions reads the lifecycle's own table: caseActionSchema(limits). */
export { caseActionSchema } from '../domain/lifecycle/action-table';

/** POST /v1/cases/{caseId}/rating: the citizen's own rating. */
export const citizenRatingSchema = z.strictObject(ratingFields);

/** POST /v1/tickets: an operator logs a hotline call, answering it at once when they can. */
export const ticketSchema = z.strictObject({
  caller: citizenContactSchema,
  type: z.enum(REQUEST_TYPES, { error: '请选择有效的诉求类型' }),
  title: text('标题', 100).optional(),
  content: text('来电内容', 5000),
  location: locationSchema.optional(),
  answer: text('答复内容', 5000).optional(),
  channel: z.enum(HOTLINE_CHANNELS, { error: '来源只能是 phone 或 sms' }).default('phone'),
  confidential: z.boolean({ error: '是否保密必须是布尔值' }).default(false),
  publicConsent: z.boolean({ error: '是否同意公开必须是布尔值' }).default(false),
});
