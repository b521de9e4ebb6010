import type { Context } from 'aws-lambda';
import { clientAddress } from '../shared/http/client-address';
import { type HttpEvent, httpHandler } from '../shared/http/http-handler';
import { letterSchema } from '../shared/http/intake-schemas';
import { onceRequest } from '../shared/http/request-context';
import { json } from '../shared/http/responses';
import { parseInput } from '../shared/http/validation';
import { intakeDependencies } from '../shared/use-cases/intake-dependencies';
import { type IntakeDependencies, submitCase } from '../shared/use-cases/submit-case';

/** POST /v1/letters — a citizen writes to a leader's mailbox (市长信箱 …). */
export function submitLetter(deps: IntakeDependencies) {
  return async (event: HttpEvent, context: Context) => {
    const letter = parseInput(letterSchema, event.body);
    const receipt = await submitCase(deps, {
      details: {
        kind: 'letter',
        channel: letter.channel,
        mailbox: letter.mailbox,
        type: letter.type,
        title: letter.title,
        content: letter.content,
        confidential: letter.confidential,
        publicConsent: letter.publicConsent,
      },
      contact: letter.citizen,
      actor: { kind: 'citizen' },
      client: clientAddress(event),
      request: onceRequest(event, context, event.body),
    });
    return json(201, receipt);
  };
}

export const handler = httpHandler(submitLetter(intakeDependencies()), { jsonBody: true });
