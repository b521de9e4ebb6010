import { REQUEST_TYPE_LABELS } from '../shared/domain/case-kinds';
import { forbidden } from '../shared/domain/errors';
import { intakeRoute } from '../shared/http/intake-route';
import { ticketSchema } from '../shared/http/intake-schemas';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { parseInput } from '../shared/http/validation';
import { intakeDependencies } from '../shared/runtime/write-dependencies';
import type { IntakeDependencies } from '../shared/use-cases/submit-case';

/** POST /v1/tickets — a 12345 operator logs a call (工单), answering it at once when possible. */
export function logTicket(deps: IntakeDependencies) {
  return intakeRoute(deps, (event) => {
    const operator = staffFromEvent(event);
    if (!operator.roles.includes('operator')) throw forbidden('只有12345接线员可以登记工单');
    const { caller, answer, title, ...ticket } = parseInput(ticketSchema, event.body);
    return {
      details: {
        kind: 'hotline',
        title: title ?? `${REQUEST_TYPE_LABELS[ticket.type]}：${[...ticket.content].slice(0, 30).join('')}`,
        ...ticket,
      },
      contact: caller,
      actor: { ...operator, roles: ['operator'] },
      ...(answer ? { answerAtIntake: answer } : {}),
    };
  });
}

export const handler = staffHandler(logTicket(intakeDependencies()), { jsonBody: true });
