import actOnCase from '../../events/act-on-case.json';
import logTicket from '../../events/log-ticket.json';
import rateCase from '../../events/rate-case.json';
import submitConsultation from '../../events/submit-consultation.json';
import submitLetter from '../../events/submit-letter.json';

/**
 * Request examples for the document, taken from the sample events in events/ (the same events
 * `npm run invoke` and the integration tests send), so an example is a request known to work.
 */
const SAMPLE_EVENTS: readonly { routeKey: string; body?: string | null }[] = [
  submitLetter,
  submitConsultation,
  logTicket,
  actOnCase,
  rateCase,
];

export function requestExample(key: string): unknown {
  const event = SAMPLE_EVENTS.find((sample) => sample.routeKey === key);
  return event?.body ? JSON.parse(event.body) : undefined;
}
