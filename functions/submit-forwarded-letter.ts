import { endOfChinaDay } from '../shared/domain/china-time';
import { forbidden } from '../shared/domain/errors';
import { forwardedLetterSchema } from '../shared/http/forwarded-letter-schema';
import { intakeRoute } from '../shared/http/intake-route';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { parseInput } from '../shared/http/validation';
import { intakeDependencies } from '../shared/runtime/write-dependencies';
import type { IntakeDependencies } from '../shared/use-cases/submit-case';

/** Whose letter it is when the forwarding office sent none of the writer's details. */
const UNNAMED_WRITER = { name: '上级转办件（未附来信人信息）', phone: '' };

/**
 * POST /v1/letters/forwarded — a dispatcher enters a letter forwarded by a higher office (转办件)
 * with its source reference; its deadlines never run past the answer-back date.
 */
export function submitForwardedLetter(deps: IntakeDependencies) {
  return intakeRoute(deps, (event) => {
    const dispatcher = staffFromEvent(event);
    if (!dispatcher.roles.includes('dispatcher')) throw forbidden('只有派单员可以登记上级转办件');
    const { source, reference, forwardingOffice, receivedAt, answerBackBy, citizen, ...letter } = parseInput(
      forwardedLetterSchema,
      event.body,
    );
    return {
      details: {
        kind: 'letter',
        channel: 'forwarded',
        ...letter,
        // The writer agreed to nothing here: a forwarded letter is never published.
        publicConsent: false,
        forwarded: {
          source,
          reference,
          forwardingOffice,
          receivedAt: new Date(receivedAt).toISOString(),
          ...(answerBackBy ? { answerBackBy: endOfChinaDay(answerBackBy).toISOString() } : {}),
        },
      },
      contact: citizen ?? UNNAMED_WRITER,
      actor: { ...dispatcher, roles: ['dispatcher'] },
    };
  });
}

export const handler = staffHandler(submitForwardedLetter(intakeDependencies()), { jsonBody: true });
