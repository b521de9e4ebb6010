import type { Context } from 'aws-lambda';
import { type IntakeDependencies, type Submission, submitCase } from '../use-cases/submit-case';
import { clientAddress } from './client-address';
import type { HttpEvent } from './http-event';
import { onceRequest } from './request-context';
import { json } from './responses';

/** What an intake route reads from its request; the client and the idempotency scope are common. */
export type IntakeRequest = Omit<Submission, 'client' | 'request'>;

/**
 * The route logic shared by POST /v1/letters, /v1/consultations and /v1/tickets: parse the body
 * into a submission (each route its own way), submit it once per Idempotency-Key, answer 201 with
 * the receipt.
 */
export function intakeRoute(deps: IntakeDependencies, read: (event: HttpEvent) => IntakeRequest) {
  return async (event: HttpEvent, context: Context) =>
    json(
      201,
      await submitCase(deps, {
        ...read(event),
        client: clientAddress(event),
        request: onceRequest(event, context, event.body),
      }),
    );
}
