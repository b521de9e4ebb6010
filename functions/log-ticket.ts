import type { Context } from 'aws-lambda';
import { REQUEST_TYPE_LABELS } from '../shared/domain/case-kinds';
import { forbidden } from '../shared/domain/errors';
import { ticketSchema } from '../shared/http/action-schemas';
import { clientAddress } from '../shared/http/client-address';
import { type HttpEvent, httpHandler } from '../shared/http/http-handler';
import { onceRequest } from '../shared/http/request-context';
import { json } from '../shared/http/responses';
import { staffFromEvent } from '../shared/http/staff-identity';
import { parseInput } from '../shared/http/validation';
import { intakeDependencies } from '../shared/use-cases/intake-dependencies';
import { type IntakeDependencies, submitCase } from '../shared/use-cases/submit-case';

/** POST /v1/tickets — a 12345 operator logs a call (工单), answering it at once when possible. */
export function logTicket(deps: IntakeDependencies) {
  return async (event: HttpEvent, context: Context) => {
    const operator = staffFromEvent(event);
    if (!operator.roles.includes('operator')) throw forbidden('只有12345接线员可以登记工单');
    const ticket = parseInput(ticketSchema, event.body);
    const receipt = await submitCase(deps, {
      details: {
        kind: 'hotline',
        channel: ticket.channel,
        type: ticket.type,
        title:
          ticket.title ?? `${REQUEST_TYPE_LABELS[ticket.type]}：${[...ticket.content].slice(0, 30).join('')}`,
        content: ticket.content,
        ...(ticket.location ? { location: ticket.location } : {}),
        confidential: ticket.confidential,
        publicConsent: ticket.publicConsent,
      },
      contact: ticket.caller,
      actor: { ...operator, roles: ['operator'] },
      client: clientAddress(event),
      request: onceRequest(event, context, event.body),
      ...(ticket.answer ? { answerAtIntake: ticket.answer } : {}),
    });
    return json(201, receipt);
  };
}

export const handler = httpHandler(logTicket(intakeDependencies()), { jsonBody: true });
