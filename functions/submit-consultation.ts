import type { Context } from 'aws-lambda';
import { clientAddress } from '../shared/http/client-address';
import { type HttpEvent, httpHandler } from '../shared/http/http-handler';
import { consultationSchema } from '../shared/http/intake-schemas';
import { onceRequest } from '../shared/http/request-context';
import { json } from '../shared/http/responses';
import { parseInput } from '../shared/http/validation';
import { intakeDependencies } from '../shared/use-cases/intake-dependencies';
import { type IntakeDependencies, submitCase } from '../shared/use-cases/submit-case';

/** POST /v1/consultations — a citizen asks a question online (在线咨询). */
export function submitConsultation(deps: IntakeDependencies) {
  return async (event: HttpEvent, context: Context) => {
    const consultation = parseInput(consultationSchema, event.body);
    const receipt = await submitCase(deps, {
      details: {
        kind: 'consultation',
        channel: consultation.channel,
        type: 'consult',
        title: consultation.topic,
        content: consultation.question,
        ...(consultation.departmentId ? { requestedDepartmentId: consultation.departmentId } : {}),
        confidential: consultation.confidential,
        publicConsent: consultation.publicConsent,
      },
      contact: consultation.citizen,
      actor: { kind: 'citizen' },
      client: clientAddress(event),
      request: onceRequest(event, context, event.body),
    });
    return json(201, receipt);
  };
}

export const handler = httpHandler(submitConsultation(intakeDependencies()), { jsonBody: true });
