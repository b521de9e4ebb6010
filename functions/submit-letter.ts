import { httpHandler } from '../shared/http/http-handler';
import { intakeRoute } from '../shared/http/intake-route';
import { letterSchema } from '../shared/http/intake-schemas';
import { parseInput } from '../shared/http/validation';
import { intakeDependencies } from '../shared/runtime/write-dependencies';
import type { IntakeDependencies } from '../shared/use-cases/submit-case';

/** POST /v1/letters — a citizen writes to a leader's mailbox (市长信箱 …). */
export function submitLetter(deps: IntakeDependencies) {
  return intakeRoute(deps, (event) => {
    const { citizen, attachments, ...letter } = parseInput(letterSchema, event.body);
    return {
      details: { kind: 'letter', ...letter },
      contact: citizen,
      actor: { kind: 'citizen' },
      ...(attachments ? { uploads: attachments } : {}),
    };
  });
}

export const handler = httpHandler(submitLetter(intakeDependencies()), { jsonBody: true });
