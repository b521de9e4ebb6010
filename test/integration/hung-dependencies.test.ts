import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Handler, invoke, sampleEvent } from '../support/events';
import { functionHandler } from '../support/isolated-functions';
import { useLocalEnvironment } from '../support/local-environment';

/**
 * A DynamoDB that takes the connection and never answers (a hung socket): the SDK gives each
 * attempt 2 s of silence (shared/runtime/sdk-request-handler.ts) and tries again on a new
 * connection, within the function's time; what still fails reaches the citizen as 503 with
 * Retry-After. Without the bound, one silent connection used the whole invocation.
 */
let silent: Server;
const sockets: Socket[] = [];
let submitLetter: Handler;

beforeAll(async () => {
  await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  silent = createServer((socket) => {
    sockets.push(socket); // held open, never answered
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  // Before the handler is loaded: its clients take the endpoint when they are created.
  process.env.AWS_ENDPOINT_URL_DYNAMODB = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  submitLetter = await functionHandler('submit-letter');
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe('a DynamoDB that never answers', () => {
  it('is tried again on new connections within the function’s time, then answered 503 with Retry-After', async () => {
    const reply = await invoke(submitLetter, sampleEvent('submit-letter'));
    expect(reply.status, JSON.stringify(reply.body)).toBe(503);
    expect(reply.body).toMatchObject({ error: { code: 'SERVICE_BUSY' } });
    expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
    expect(sockets.length).toBeGreaterThanOrEqual(3); // the SDK's attempts, each on a new connection
  }, 60_000);
});
