import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { INJECTED, injectFaults } from '../../shared/adapters/fault-injection';
import { type Handler, invoke, sampleBody, sampleEvent } from '../support/events';
import { functionHandler } from '../support/isolated-functions';
import { type LocalEnvironment, lettersTitled, useLocalEnvironment } from '../support/local-environment';
import { useLocalWorkflow } from '../support/local-workflow';

/**
 * Faults that pass with time reach nobody as a 500: the SDK retries them, our code retries
 * transaction conflicts, and what is still failing is 503 SERVICE_BUSY with Retry-After — with
 * nothing written, so the same request (same Idempotency-Key) later makes exactly one case.
 * Faults are injected into the real SDK clients (CIVICLINE_FAULTS) in front of DynamoDB Local.
 */
process.env.CIVICLINE_FAULTS = '';
// Every attempt counts against the abuse limits; this file submits far more than a citizen would.
process.env.CIVICLINE_SUBMISSIONS_PER_CLIENT_HOUR = '1000';
process.env.CIVICLINE_SUBMISSIONS_PER_PHONE_DAY = '1000';

let env: LocalEnvironment;
let submitLetter: Handler;

beforeAll(async () => {
  env = await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  await useLocalWorkflow(inject('synthesizedApp'));
  submitLetter = await functionHandler('submit-letter');
});

afterEach(() => injectFaults(''));

function letter(title: string, key: string) {
  return sampleEvent('submit-letter', {
    body: { ...sampleBody('submit-letter'), title },
    headers: { 'idempotency-key': key },
  });
}

/**
 * The same request again while the answer is 409 REQUEST_IN_PROGRESS, after its Retry-After, as the
 * API contract asks of a client. A 503 whose attempt could not clear its idempotency record either
 * (Powertools' delete met the faults too: IdempotencyPersistenceLayerError) holds the key until the
 * record's in-progress expiry, the invocation's remaining time (10 s in `invoke`).
 */
async function asAClientRetries(send: () => ReturnType<typeof invoke>): ReturnType<typeof invoke> {
  const until = Date.now() + 15_000;
  for (;;) {
    const reply = await send();
    if (reply.status !== 409 || reply.body.code !== 'REQUEST_IN_PROGRESS' || Date.now() > until) return reply;
    await new Promise((resolve) => setTimeout(resolve, Number(reply.headers['retry-after'] ?? 1) * 1000));
  }
}

describe('retryable faults', () => {
  it.each([
    ['throttling', 'dynamodb:throttle=1'],
    ['a service outage', 'dynamodb:unavailable=1'],
    ['transaction conflicts that do not pass', 'dynamodb:conflict=1'],
  ])(
    'answer %s with 503 and Retry-After, write nothing, and let the retry make one case',
    async (_, faults) => {
      const title = `故障注入 ${faults.split(':')[1]?.split('=')[0]}`;
      injectFaults(faults);
      const refused = await invoke(
        submitLetter,
        letter(title, `fault-${faults.replace(/[^A-Za-z0-9]/g, '-')}`),
      );
      expect(refused.status, JSON.stringify(refused.body)).toBe(503);
      expect(refused.body).toMatchObject({
        error: { code: 'SERVICE_BUSY', message: '系统繁忙，请稍后重试' },
      });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect([...INJECTED.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      injectFaults('');
      expect(await lettersTitled(env, title)).toBe(0);
      const accepted = await invoke(
        submitLetter,
        letter(title, `fault-${faults.replace(/[^A-Za-z0-9]/g, '-')}`),
      );
      expect(accepted.status).toBe(201);
      const again = await invoke(
        submitLetter,
        letter(title, `fault-${faults.replace(/[^A-Za-z0-9]/g, '-')}`),
      );
      expect(again.body).toEqual(accepted.body);
      expect(await lettersTitled(env, title)).toBe(1);
    },
  );

  it('lets the SDK ride out occasional throttling and our code occasional conflicts: every letter once', async () => {
    injectFaults('dynamodb:throttle=0.2,dynamodb:conflict=0.2');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => invoke(submitLetter, letter(`偶发故障 ${i}`, `occasional-${i}`))),
    );
    injectFaults('');
    for (const [i, result] of results.entries()) {
      expect([201, 503], `letter ${i}`).toContain(result.status);
      if (result.status === 503) expect(result.headers['retry-after']).toBeDefined();
      // Whatever the first answer, the client's retry with the same key ends with exactly one case.
      const settled = await asAClientRetries(() =>
        invoke(submitLetter, letter(`偶发故障 ${i}`, `occasional-${i}`)),
      );
      expect(settled.status).toBe(201);
      expect(await lettersTitled(env, `偶发故障 ${i}`)).toBe(1);
    }
  });
});
