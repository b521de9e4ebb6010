import { taskStateNow } from '../../infra/local/workflow/execution-history';

/**
 * Talks to a running CivicLine over HTTP the way a citizen, a console or a hotline desk would, so
 * the end-to-end scenarios read as the domain: given a letter, when the dispatcher transfers it…
 */
export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export interface Receipt {
  readonly caseId: string;
  readonly queryCode: string;
}

export const LETTER = {
  mailbox: 'mayor',
  type: 'complain',
  title: '小区夜间施工噪音扰民',
  content: '幸福小区旁工地每晚11点后仍在施工，噪音严重影响休息。',
  citizen: { name: '张三', phone: '13812345678' },
  publicConsent: true,
  channel: 'web',
};

export class CivicClient {
  private readonly tokens = new Map<string, string>();

  constructor(readonly url: string) {}

  async submitLetter(
    changes: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<Receipt> {
    const reply = await this.post('/v1/letters', { ...LETTER, ...changes }, headers);
    if (reply.status !== 201) throw new Error(`letter refused: ${JSON.stringify(reply)}`);
    return reply.body as unknown as Receipt;
  }

  async logTicket(
    operator: string,
    ticket: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    return this.post('/v1/tickets', ticket, { ...(await this.auth(operator)), ...headers });
  }

  async act(
    username: string,
    caseId: string,
    action: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    return this.post(`/v1/cases/${caseId}/actions`, action, { ...(await this.auth(username)), ...headers });
  }

  /** Acts and insists it worked: for the steps a scenario takes on its way to what it tests. */
  async must(username: string, caseId: string, action: Record<string, unknown>): Promise<Reply> {
    const reply = await this.act(username, caseId, action);
    if (reply.status !== 200)
      throw new Error(`${username} ${String(action.type)} on ${caseId}: ${JSON.stringify(reply)}`);
    return reply;
  }

  /** A new case's usual way to a reply the citizen can read: transfer, sign, reply, approval. */
  async replyApproved(
    caseId: string,
    handling: { department: string; departmentId: string; instructions: string; reply: string },
  ): Promise<void> {
    await this.must('dispatcher1', caseId, {
      type: 'transfer',
      departmentId: handling.departmentId,
      instructions: handling.instructions,
    });
    await this.must(handling.department, caseId, { type: 'sign' });
    await this.must(handling.department, caseId, { type: 'reply', content: handling.reply });
    await this.must('reviewer1', caseId, { type: 'review', approve: true });
  }

  rateAsCitizen(caseId: string, queryCode: string, rating: Record<string, unknown>): Promise<Reply> {
    return this.post(`/v1/cases/${caseId}/rating`, rating, { 'x-query-code': queryCode });
  }

  viewAsCitizen(caseId: string, queryCode: string): Promise<Reply> {
    return this.get(`/v1/cases/${caseId}`, { 'x-query-code': queryCode });
  }

  async viewAsStaff(username: string, caseId: string): Promise<Reply> {
    return this.get(`/v1/cases/${caseId}`, await this.auth(username));
  }

  async list(username: string, query: Record<string, string> = {}): Promise<Reply> {
    return this.get(`/v1/cases?${new URLSearchParams(query)}`, await this.auth(username));
  }

  /** Waits until the table streams have carried every write so far into the counters and the outbox. */
  async settled(): Promise<void> {
    const reply = await this.get('/local/streams/drained');
    if (reply.status !== 200) throw new Error(`the streams did not drain: ${JSON.stringify(reply)}`);
  }

  async outbox(
    caseId: string,
  ): Promise<{ notificationId: string; kind: string; audience: Record<string, unknown>; message: string }[]> {
    return (await this.get(`/local/outbox?caseId=${caseId}`)).body.notifications as never;
  }

  async executions(): Promise<{ name: string; status: string }[]> {
    return (await this.get('/local/executions')).body.executions as never;
  }

  /**
   * Until the execution waits in `state` (taskStateNow): as people do, who act on a
   * case some time after it reached them. Acting sooner is correct too, but may cost a re-plan.
   * `afterTransitions`: only once it has made more transitions than that (waiting there again
   * after a change moved its plan, where the old wait would already pass).
   */
  async waitingIn(
    name: string,
    state: string,
    { timeoutMs = 10_000, afterTransitions = -1 }: { timeoutMs?: number; afterTransitions?: number } = {},
  ): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const reply = await this.get(`/local/executions/${encodeURIComponent(name)}`);
      const events = (reply.body.events ?? []) as { type: string; stateName?: string }[];
      const transitions = (reply.body.transitions ?? 0) as number;
      if (taskStateNow(events) === state && transitions > afterTransitions) return;
      if (Date.now() > until)
        throw new Error(`${name} is not waiting in ${state}: ${JSON.stringify(events.at(-1))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** One execution with its history and the state transitions it cost (GET /local/executions/{name}). */
  async execution(
    name: string,
  ): Promise<{ status: string; transitions: number; events: { type: string }[] }> {
    return (await this.get(`/local/executions/${encodeURIComponent(name)}`)).body as never;
  }

  /** Polls the staff view until `done` holds (the workflow works asynchronously). */
  async waitFor(
    caseId: string,
    done: (view: Record<string, unknown>) => boolean,
    timeoutMs = 30_000,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    let view: Record<string, unknown> = {};
    while (Date.now() < deadline) {
      view = (await this.viewAsStaff('dispatcher1', caseId)).body;
      if (done(view)) return view;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`timed out waiting on ${caseId}; last seen ${JSON.stringify(view).slice(0, 600)}`);
  }

  async waitForNotification(caseId: string, kind: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await this.outbox(caseId)).some((n) => n.kind === kind)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no ${kind} notification for ${caseId}`);
  }

  async auth(username: string): Promise<Record<string, string>> {
    let token = this.tokens.get(username);
    if (!token) {
      token = (await this.post('/local/login', { username })).body.accessToken as string;
      this.tokens.set(username, token);
    }
    return { authorization: `Bearer ${token}` };
  }

  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    return this.send('POST', path, body, headers);
  }

  /** A JSON body sent with any method (PUT, PATCH). */
  async send(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    const response = await fetch(`${this.url}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
}

/** The recount behind `npm run stats:verify`, run by the server under test. */
export async function statisticsDifferences(civic: CivicClient): Promise<unknown[]> {
  const check = await civic.get('/local/stats/verify');
  return check.body.differences as unknown[];
}

export function errorCode(reply: Reply): string | undefined {
  return (reply.body.error as { code?: string } | undefined)?.code;
}
