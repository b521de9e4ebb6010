import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TABLE_PREFIX } from '../../infra/local/local-tables';
import { freePort } from '../../infra/local/ports';
import { CivicClient } from '../support/civic-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * What `npm run cost` prices is what the server counted between a reset and the streams draining
 * (issue 14). The wait for the streams must add nothing to it; the statistics recount would.
 */
let server: ServerProcess;
let civic: CivicClient;

/** GET /local/usage: the units each table's reads and writes used since the last reset. */
const unitsByTable = async () =>
  (await civic.get('/local/usage')).body.unitsByTable as Record<string, number>;

beforeAll(async () => {
  server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-usage-')),
    CIVICLINE_DATABASE: 'memory',
    CIVICLINE_METER: '',
  });
  civic = new CivicClient(server.url);
  await civic.settled();
});

afterAll(async () => {
  await server?.stop();
});

const STATISTICS = `${LOCAL_TABLE_PREFIX}statistics`;

describe('what a counted run counts', () => {
  it('includes the follow-on writes of the streams once they have drained', async () => {
    await civic.post('/local/usage/reset', {});
    await civic.submitLetter();
    await civic.settled();
    // The letter's counters are written from the case stream, after its request has answered.
    expect((await unitsByTable())[`write:${STATISTICS}`]).toBeGreaterThan(0);
  });

  it('waits for the streams without reading the counters, where the recount reads them', async () => {
    await civic.post('/local/usage/reset', {});
    await civic.settled();
    expect((await unitsByTable())[`read:${STATISTICS}`] ?? 0).toBe(0);

    expect((await civic.get('/local/stats/verify')).status).toBe(200);
    expect((await unitsByTable())[`read:${STATISTICS}`]).toBeGreaterThan(0);
  });
});
