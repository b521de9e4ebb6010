import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamodb-local';
import { LOCAL_TABLE_PREFIX } from '../../infra/local/local-tables';
import { freePort } from '../../infra/local/ports';
import { taskStateNow } from '../../infra/local/workflow/execution-history';
import { type ServerProcess, startServerProcess } from './server-process';

/**
 * The soak of issue 14: N cases driven through whole lifecycles by concurrent clients against
 * `npm start` with faults injected (CIVICLINE_FAULTS), while the server — with DynamoDB Local — is
 * killed with SIGKILL and restarted. Clients behave as the contract asks: every write carries an
 * Idempotency-Key and is retried with the same key after a 503 (Retry-After), a 409
 * REQUEST_IN_PROGRESS, a lost connection — or an answer taken as lost, which must come again. Then, on a server restarted without faults, it counts
 * what must be zero: lost or duplicated cases, lost or repeated actions, workflows waiting at the
 * wrong step, lost or undelivered notices, statistics that differ from a recount, and any 5xx other
 * than 503 with Retry-After.
 */
export interface SoakOptions {
  readonly cases: number;
  readonly faults: string;
  readonly kills: number;
  readonly clients: number;
  /**
   * The share of answered writes whose answer the client takes as lost (a timeout on a mobile
   * network) and asks for again with the same Idempotency-Key: the answer must be the first one.
   */
  readonly lostAnswers?: number;
  readonly log?: (line: string) => void;
}

export interface SoakFigures {
  readonly cases: number;
  readonly lostCases: number;
  readonly duplicateCases: number;
  readonly actions: number;
  readonly lostActions: number;
  readonly repeatedActions: number;
  readonly openCases: number;
  readonly workflowsAtWrongStep: number;
  readonly notices: number;
  readonly missingNotices: number;
  readonly undeliveredNotices: number;
  readonly failedBatchesRedriven: number;
  readonly statisticsDifferences: number;
  readonly kills: number;
  /** Calls failed on purpose, per service and fault, summed over the server's lives. */
  readonly injectedFaults: Readonly<Record<string, number>>;
  readonly connectionErrors: number;
  /** Writes asked again after an answer taken as lost (each must have got the first answer). */
  readonly askedAgain: number;
  /** Answers by status: 503s (each with Retry-After) and 409 REQUEST_IN_PROGRESS are retried. */
  readonly statuses: Readonly<Record<string, number>>;
  /** 5xx other than 503 with Retry-After, and 4xx a correct client should never get. */
  readonly unexpected: readonly string[];
  readonly seconds: number;
}

type Step =
  | { readonly by: string; readonly action: Record<string, unknown> }
  | { readonly citizenRates: Record<string, unknown> };

/** A case's life: how it comes in, then its steps; `expect` is its timeline's actions, in order. */
interface Script {
  readonly name: string;
  readonly intake: (marker: string) => { path: string; body: unknown; by?: string };
  readonly steps: readonly Step[];
  /** The notices the case must have produced (kinds), at least once each. */
  readonly notices: readonly string[];
  /** Whether the case is left open (its workflow must then wait in this state). */
  readonly openIn?: string;
}

const TRANSFER = { type: 'transfer', departmentId: 'dept-housing', instructions: '请核实并处理' };
const SIGN = { by: 'housing1', action: { type: 'sign' } };
const REPLY = { by: 'housing1', action: { type: 'reply', content: '经核查已处理。' } };
const APPROVE = { by: 'reviewer1', action: { type: 'review', approve: true } };
const SATISFIED = { resolved: true, satisfaction: 'satisfied' };
const letter = (marker: string) => ({
  path: '/v1/letters',
  body: {
    mailbox: 'mayor',
    type: 'complain',
    title: `夜间施工噪音 ${marker}`,
    content: '工地每晚11点后仍在施工。',
    citizen: { name: '张三', phone: '13812345678' },
    publicConsent: true,
    channel: 'web',
  },
});
const call = (marker: string, answer?: string) => ({
  path: '/v1/tickets',
  by: 'operator1',
  body: {
    caller: { name: '李四', phone: '13912345678' },
    type: 'consult',
    content: `居住证办理 ${marker}`,
    ...(answer ? { answer } : {}),
  },
});

const SCRIPTS: readonly Script[] = [
  {
    name: 'letter through transfer, sign, reply, review and the citizen’s rating',
    intake: letter,
    steps: [{ by: 'dispatcher1', action: TRANSFER }, SIGN, REPLY, APPROVE, { citizenRates: SATISFIED }],
    notices: ['transferred', 'reply_to_review', 'reply_ready', 'rating_request'],
  },
  {
    name: 'hotline call answered at once, rated on the follow-up call',
    intake: (marker) => call(marker, '携带身份证和租房合同到社区服务中心办理。'),
    steps: [{ by: 'operator1', action: { type: 'rate', ...SATISFIED } }],
    notices: ['reply_ready', 'rating_request'],
  },
  {
    name: 'hotline ticket transferred, handled, reviewed, rated',
    intake: (marker) => call(marker),
    steps: [
      { by: 'dispatcher1', action: TRANSFER },
      SIGN,
      REPLY,
      APPROVE,
      { by: 'operator1', action: { type: 'rate', ...SATISFIED } },
    ],
    notices: ['transferred', 'reply_ready', 'rating_request'],
  },
  {
    name: 'consultation answered by the dispatcher, rated by the citizen',
    intake: (marker) => ({
      path: '/v1/consultations',
      body: {
        departmentId: 'dept-housing',
        topic: `公积金提取 ${marker}`,
        question: '租房提取公积金需要哪些材料？',
        citizen: { name: '王五', phone: '13712345678' },
        publicConsent: false,
        channel: 'miniprogram',
      },
    }),
    steps: [
      { by: 'dispatcher1', action: { type: 'answer', answer: '身份证、租房合同和完税证明。' } },
      { citizenRates: SATISFIED },
    ],
    notices: ['reply_ready', 'rating_request'],
  },
  {
    name: 'letter returned by a department and transferred again',
    intake: letter,
    steps: [
      { by: 'dispatcher1', action: { ...TRANSFER, departmentId: 'dept-water' } },
      { by: 'water1', action: { type: 'return', reason: '不属于本单位职责' } },
      { by: 'dispatcher1', action: TRANSFER },
      SIGN,
      REPLY,
      APPROVE,
      { citizenRates: SATISFIED },
    ],
    notices: ['transferred', 'returned', 'reply_ready', 'rating_request'],
  },
  {
    name: 'letter with an approved extension',
    intake: letter,
    steps: [
      { by: 'dispatcher1', action: TRANSFER },
      SIGN,
      { by: 'housing1', action: { type: 'request_extension', workingDays: 5, reason: '需现场勘查' } },
      { by: 'dispatcher1', action: { type: 'decide_extension', approve: true } },
      REPLY,
      APPROVE,
      { citizenRates: SATISFIED },
    ],
    notices: ['transferred', 'extension_requested', 'extension_decided', 'reply_ready', 'rating_request'],
  },
  {
    name: 'letter reopened after a dissatisfied rating, then rated again',
    intake: letter,
    steps: [
      { by: 'dispatcher1', action: TRANSFER },
      SIGN,
      REPLY,
      APPROVE,
      { citizenRates: { resolved: false, satisfaction: 'dissatisfied' } },
      { by: 'leader1', action: { type: 'reopen', reason: '群众反映问题未解决' } },
      REPLY,
      APPROVE,
      { citizenRates: SATISFIED },
    ],
    notices: ['transferred', 'reopened', 'reply_ready', 'rating_request'],
  },
  {
    name: 'letter left in handling (its workflow must wait there)',
    intake: letter,
    steps: [{ by: 'dispatcher1', action: TRANSFER }, SIGN],
    notices: ['transferred'],
    openIn: 'AwaitHandling',
  },
];

interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

class SoakClient {
  readonly statuses = new Map<string, number>();
  readonly unexpected: string[] = [];
  connectionErrors = 0;
  askedAgain = 0;
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly url: string,
    readonly lostAnswers = 0,
  ) {}

  /** One request, retried as the contract asks until it has an answer that is not "try again". */
  async request(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 400) throw new Error(`${method} ${path}: no answer after ${attempt} attempts`);
      let response: Response;
      try {
        response = await fetch(`${this.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...options.headers },
          ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        });
      } catch {
        this.connectionErrors += 1; // the server is down (killed) or restarting
        await pause(250);
        continue;
      }
      const text = await response.text();
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      const code = (body.error as { code?: string } | undefined)?.code;
      const tally = `${response.status}${code ? ` ${code}` : ''}`;
      this.statuses.set(tally, (this.statuses.get(tally) ?? 0) + 1);
      const retryAfter = response.headers.get('retry-after');
      if (response.status === 503) {
        if (!retryAfter) this.unexpected.push(`${method} ${path}: 503 without Retry-After`);
        await pause(Math.min(Number(retryAfter ?? 1) * 1000, 500)); // shortened: a soak, not a citizen
        continue;
      }
      if (response.status === 409 && code === 'REQUEST_IN_PROGRESS') {
        await pause(500);
        continue;
      }
      if (response.status >= 500) {
        this.unexpected.push(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
        await pause(250);
        continue;
      }
      return { status: response.status, headers: response.headers, body };
    }
  }

  async auth(username: string): Promise<Record<string, string>> {
    let token = this.tokens.get(username);
    if (!token) {
      const reply = await this.request('POST', '/local/login', { body: { username } });
      token = reply.body.accessToken as string;
      this.tokens.set(username, token);
    }
    return { authorization: `Bearer ${token}` };
  }
}

/** A write retried with one Idempotency-Key for all its attempts (the client's side of the contract). */
async function writeOnce(
  client: SoakClient,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Reply | undefined> {
  const key = { ...headers, 'idempotency-key': crypto.randomUUID() };
  const reply = await client.request('POST', path, { body, headers: key });
  if (reply.status >= 300) {
    client.unexpected.push(`POST ${path}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
    return undefined;
  }
  if (Math.random() < client.lostAnswers) {
    client.askedAgain += 1;
    const again = await client.request('POST', path, { body, headers: key });
    if (again.status !== reply.status || !isDeepStrictEqual(again.body, reply.body)) {
      const [first, second] = [reply, again].map(
        (r) => `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`,
      );
      client.unexpected.push(`POST ${path} asked again: ${second}, first ${first}`);
    }
  }
  return reply;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Driven {
  readonly script: Script;
  readonly marker: string;
  caseId?: string;
  queryCode?: string;
  /** The staff and citizen actions the timeline must hold, in order ('submit' first). */
  readonly expected: string[];
  failed?: string;
}

async function drive(client: SoakClient, driven: Driven): Promise<void> {
  const intake = driven.script.intake(driven.marker);
  const headers = intake.by ? await client.auth(intake.by) : {};
  const receipt = await writeOnce(client, intake.path, intake.body, headers);
  if (!receipt) {
    driven.failed = 'intake refused';
    return;
  }
  driven.caseId = receipt.body.caseId as string;
  driven.queryCode = receipt.body.queryCode as string;
  driven.expected.push('submit');
  if ((intake.body as { answer?: string }).answer) driven.expected.push('answer');
  for (const step of driven.script.steps) {
    // People act a moment after a case reaches them; the workflow keeps up meanwhile.
    await pause(20 + Math.random() * 80);
    const reply =
      'citizenRates' in step
        ? await writeOnce(client, `/v1/cases/${driven.caseId}/rating`, step.citizenRates, {
            'x-query-code': driven.queryCode,
          })
        : await writeOnce(
            client,
            `/v1/cases/${driven.caseId}/actions`,
            step.action,
            await client.auth(step.by),
          );
    if (!reply) {
      driven.failed = `step ${driven.expected.length} refused`;
      return;
    }
    driven.expected.push('citizenRates' in step ? 'rate' : String(step.action.type));
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'civicline-soak-'));
  const port = String(await freePort());
  const start = (faults: string | undefined) =>
    startServerProcess(
      {
        PORT: port,
        CIVICLINE_DATA_DIR: dataDir,
        ...(faults === undefined ? {} : { CIVICLINE_FAULTS: faults }),
      },
      { ownProcessGroup: true },
    );
  let server: ServerProcess = await start(options.faults);
  const client = new SoakClient(server.url, options.lostAnswers);
  const injected = new Map<string, number>();
  const countInjected = async () => {
    const usage = (await client.request('GET', '/local/usage')).body;
    for (const [fault, n] of Object.entries((usage.injectedFaults ?? {}) as Record<string, number>))
      injected.set(fault, (injected.get(fault) ?? 0) + n);
  };
  const run = `soak${Date.now().toString(36)}`;
  const cases: Driven[] = Array.from({ length: options.cases }, (_, i) => ({
    script: SCRIPTS[i % SCRIPTS.length] as Script,
    marker: `[${run}-${i}]`,
    expected: [],
  }));
  try {
    log(
      `soak: ${options.cases} cases, ${options.clients} clients, faults "${options.faults}", ${options.kills} kills`,
    );
    let next = 0;
    let finished = 0;
    const workers = Array.from({ length: options.clients }, async () => {
      while (next < cases.length) {
        const driven = cases[next] as Driven;
        next += 1;
        await drive(client, driven);
        finished += 1;
      }
    });
    // The kills: spread over the run, each while clients are mid-lifecycle.
    const killer = (async () => {
      for (let k = 1; k <= options.kills; k += 1) {
        const at = Math.floor((cases.length * k) / (options.kills + 1));
        while (finished < at) await pause(50);
        log(`soak: SIGKILL ${k} (server and DynamoDB Local) after ${finished} cases`);
        await countInjected();
        await server.crash();
        server = await start(options.faults);
        log(`soak: restarted`);
      }
    })();
    await Promise.all([...workers, killer]);
    log(`soak: ${finished} cases driven; checking the workflows of the open cases`);
    const openCases = cases.filter((c) => c.script.openIn && c.caseId && !c.failed);
    const waitingWrong = await wrongWaits(client, server, openCases);
    for (const line of waitingWrong) log(`soak: workflow at the wrong step: ${line}`);

    // Verification on a server without faults: what was stored is what counts.
    await countInjected();
    await server.stop();
    server = await start(undefined);
    const redriven = (await client.request('POST', '/local/failures/redrive')).body.redriven as number;
    const verify = await client.request('GET', '/local/stats/verify');
    const stored = await storedCases(server, run);
    let lostCases = 0;
    let duplicateCases = 0;
    let lostActions = 0;
    let repeatedActions = 0;
    let missingNotices = 0;
    let undeliveredNotices = 0;
    let notices = 0;
    const leader = await client.auth('leader1');
    for (const driven of cases) {
      const found = stored.get(driven.marker) ?? [];
      if (found.length > 1) duplicateCases += found.length - 1;
      if (!driven.caseId) {
        if (found.length === 0) continue; // never acknowledged, never stored: nothing lost
        lostCases += 1; // stored, but the client never learned its number
        continue;
      }
      if (!found.includes(driven.caseId)) {
        lostCases += 1;
        continue;
      }
      const view = (await client.request('GET', `/v1/cases/${driven.caseId}`, { headers: leader })).body;
      const actions = ((view.timeline ?? []) as { action: string; actor: string }[])
        .filter((entry) => entry.actor !== 'system')
        .map((entry) => entry.action);
      const { lost, repeated } = compareActions(driven.expected, actions);
      lostActions += lost;
      repeatedActions += repeated;
      const outbox = (await client.request('GET', `/local/outbox?caseId=${driven.caseId}`)).body
        .notifications as { kind: string; deliveredAt?: string }[];
      notices += outbox.length;
      undeliveredNotices += outbox.filter((n) => !n.deliveredAt).length;
      if (!driven.failed)
        missingNotices += driven.script.notices.filter((kind) => !outbox.some((n) => n.kind === kind)).length;
    }
    return {
      cases: cases.filter((c) => c.caseId).length,
      lostCases,
      duplicateCases,
      actions: cases.reduce((sum, c) => sum + c.expected.length, 0),
      lostActions,
      repeatedActions,
      openCases: openCases.length,
      workflowsAtWrongStep: waitingWrong.length,
      notices,
      missingNotices,
      undeliveredNotices,
      failedBatchesRedriven: redriven,
      statisticsDifferences: (verify.body.differences as unknown[]).length,
      kills: options.kills,
      injectedFaults: Object.fromEntries(injected),
      connectionErrors: client.connectionErrors,
      askedAgain: client.askedAgain,
      statuses: Object.fromEntries([...client.statuses].sort()),
      unexpected: [
        ...client.unexpected,
        ...cases.filter((c) => c.failed).map((c) => `${c.marker} ${c.failed}`),
      ],
      seconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Open cases whose workflow does not wait in the state its script left it in (after a grace
 * period), each described: its running executions with their last event, and the others' status.
 */
async function wrongWaits(
  client: SoakClient,
  server: ServerProcess,
  open: readonly Driven[],
): Promise<string[]> {
  const documents = serverDocuments(server);
  // Waiting means the wait step's token is recorded too, where a change to the case finds it.
  const tokenRecorded = async (caseId: string) =>
    (
      await documents.send(
        new GetCommand({
          TableName: `${LOCAL_TABLE_PREFIX}workflowTasks`,
          Key: { caseId },
          ConsistentRead: true,
        }),
      )
    ).Item !== undefined;
  const until = Date.now() + 30_000;
  for (;;) {
    const executions = (await client.request('GET', '/local/executions')).body.executions as {
      name: string;
      status: string;
    }[];
    const wrong: string[] = [];
    for (const driven of open) {
      const own = executions.filter((e) => e.name.startsWith(driven.caseId as string));
      const running = own.filter((e) => e.status === 'RUNNING');
      const histories = await Promise.all(
        running.map(
          async (e) =>
            (await client.request('GET', `/local/executions/${encodeURIComponent(e.name)}`)).body.events as {
              type: string;
              stateName?: string;
            }[],
        ),
      );
      const lastEvents = histories.map((history) => history.at(-1));
      const waits = histories.map(taskStateNow);
      const recorded = await tokenRecorded(driven.caseId as string);
      if (!(waits.length === 1 && waits[0] === driven.script.openIn && recorded)) {
        const described = own.map((e) => {
          const last = lastEvents[running.indexOf(e)];
          return `${e.name} ${e.status}${last ? ` at ${last.type} ${last.stateName ?? ''}` : ''}`;
        });
        wrong.push(
          `${driven.caseId} should wait in ${driven.script.openIn}: ${described.join('; ') || 'no execution'}${recorded ? '' : ' (no task token recorded)'}`,
        );
      }
    }
    if (wrong.length === 0 || Date.now() > until) {
      documents.destroy();
      return wrong;
    }
    await pause(500);
  }
}

/** A document client on the server's DynamoDB Local, for what the soak checks in its tables. */
function serverDocuments(server: ServerProcess): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: server.dynamoDbEndpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    }),
  );
}

/** The cases of this run in the tables, by their marker (a title, topic or call text carries it). */
async function storedCases(server: ServerProcess, run: string): Promise<Map<string, string[]>> {
  const documents = serverDocuments(server);
  const found = new Map<string, string[]>();
  for (const table of ['letters', 'tickets', 'consultations']) {
    for await (const page of paginateScan(
      { client: documents },
      { TableName: `${LOCAL_TABLE_PREFIX}${table}`, ProjectionExpression: 'caseId, title, topic, content' },
    )) {
      for (const item of page.Items ?? []) {
        const text = `${item.title ?? ''} ${item.topic ?? ''} ${item.content ?? ''}`;
        const marker = new RegExp(`\\[${run}-\\d+\\]`).exec(text)?.[0];
        if (marker) found.set(marker, [...(found.get(marker) ?? []), item.caseId as string]);
      }
    }
  }
  documents.destroy();
  return found;
}

/** Actions expected but missing, and actions on the timeline more often than expected. */
function compareActions(expected: readonly string[], actual: readonly string[]) {
  const count = (list: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const action of list) counts.set(action, (counts.get(action) ?? 0) + 1);
    return counts;
  };
  const want = count(expected);
  const got = count(actual);
  let lost = 0;
  let repeated = 0;
  for (const [action, n] of want) lost += Math.max(0, n - (got.get(action) ?? 0));
  for (const [action, n] of got) repeated += Math.max(0, n - (want.get(action) ?? 0));
  return { lost, repeated };
}
