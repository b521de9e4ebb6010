import { type Case, departmentsOf } from '../domain/case';
import { CASE_KINDS, MAILBOXES, type Mailbox } from '../domain/case-kinds';
import { addCalendarDays, chinaDate } from '../domain/china-time';
import { CivicError } from '../domain/errors';
import { isPublishable } from '../domain/publication';
import type { Actor } from '../domain/roles';
import type { GeoReportPost } from '../open311/georeport-schemas';
import { type GeoReportRequest, ownServiceRequest, publicServiceRequest } from '../open311/service-request';
import { isServiceCode } from '../open311/services';
import type { ClientKeys } from '../ports/client-keys';
import type { OnceRequest } from '../ports/idempotency';
import type { PublicationDependencies } from './list-published-cases';
import type { IntakeDependencies } from './submit-case';
import { submitCase } from './submit-case';
import { type CitizenAccessDependencies, openCaseWithQueryCode } from './view-case-as-citizen';

/** The spec's default and ceiling for GET requests: 90 days, 1,000 requests. */
export const GEOREPORT_MAX_DAYS = 90;
export const GEOREPORT_MAX_REQUESTS = 1000;

const SERVICE_NOTICE = '已受理。请保存查询码（只显示这一次），凭案件编号和查询码查询办理进度。';

export interface Open311IntakeDependencies extends IntakeDependencies {
  readonly clientKeys: ClientKeys;
}

/**
 * POST requests.{json,xml}: a 311 client files a request with its application's api_key. It becomes a
 * letter (市长信箱 unless the `mailbox` attribute says otherwise) through the `open311` channel, and
 * the answer carries the case number at once — no token — and, as an extension, the query code.
 */
export async function postServiceRequest(
  deps: Open311IntakeDependencies,
  form: GeoReportPost,
  request: { client: string; once: Omit<OnceRequest, 'payload'> & { payload: unknown } },
) {
  const application = await deps.clientKeys.verify(form.api_key);
  if (!application) throw new CivicError(403, 'INVALID_API_KEY', 'api_key 无效或已吊销，请向管理员申请');
  if (!isServiceCode(form.service_code)) {
    throw new CivicError(400, 'VALIDATION_FAILED', '未知的 service_code', [
      { field: 'service_code', message: '未知的 service_code，见 services.json' },
    ]);
  }
  const mailbox = form['attribute[mailbox]'] ?? 'mayor';
  if (!(MAILBOXES as readonly string[]).includes(mailbox)) {
    throw new CivicError(400, 'VALIDATION_FAILED', '未知的信箱', [
      { field: 'attribute[mailbox]', message: '未知的信箱，见服务定义' },
    ]);
  }
  const name = `${form.last_name ?? ''}${form.first_name ?? ''}` || '（未留姓名）';
  const actor: Actor = { kind: 'citizen' };
  const receipt = await submitCase(deps, {
    details: {
      kind: 'letter',
      channel: 'open311',
      mailbox: mailbox as Mailbox,
      type: form.service_code,
      title: [...form.description].slice(0, 30).join(''),
      content: form.description,
      ...location(form),
      confidential: form['attribute[confidential]'] === 'yes',
      // Consent is never assumed: a 311 client that says nothing publishes nothing.
      publicConsent: form['attribute[public_consent]'] === 'yes',
    },
    contact: { name, phone: form.phone, ...(form.email ? { email: form.email } : {}) },
    actor,
    client: request.client,
    // The key's secret is not part of what makes two posts the same request.
    request: { ...request.once, payload: { ...form, api_key: application.keyId } },
  });
  return [
    {
      service_request_id: receipt.caseId,
      service_notice: SERVICE_NOTICE,
      ...(form.account_id ? { account_id: form.account_id } : {}),
      query_code: receipt.queryCode,
    },
  ];
}

function location(form: GeoReportPost) {
  if (form.lat === undefined && !form.address_string) return {};
  return {
    location: {
      ...(form.address_string ? { address: form.address_string } : {}),
      ...(form.lat !== undefined && form.long !== undefined
        ? { lat: form.lat, long: form.long, datum: 'WGS-84' as const }
        : {}),
    },
  };
}

export interface GeoReportListQuery {
  readonly service_request_id?: string;
  readonly service_code?: Case['type'];
  readonly start_date?: string;
  readonly end_date?: string;
  readonly status?: string;
}

/**
 * GET requests.{json,xml}: published cases only, redacted exactly as GET /v1/public/cases, newest
 * reply first; by id, or by service, requested date (at most 90 days; the last 90 by default) and
 * status; at most 1,000.
 */
export async function listServiceRequests(
  deps: PublicationDependencies,
  query: GeoReportListQuery,
  now: Date,
): Promise<GeoReportRequest[]> {
  const ids = query.service_request_id
    ?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const statuses = query.status?.split(',');
  let cases: Case[];
  if (ids) {
    const found = await Promise.all(ids.slice(0, GEOREPORT_MAX_REQUESTS).map((id) => deps.store.get(id)));
    cases = found.filter((c): c is Case => c !== undefined && isPublishable(c));
  } else {
    const end = query.end_date ?? now.toISOString();
    const start =
      query.start_date ?? new Date(Date.parse(end) - GEOREPORT_MAX_DAYS * 86_400_000).toISOString();
    if (Date.parse(start) > Date.parse(end)) {
      throw new CivicError(400, 'VALIDATION_FAILED', 'start_date 不能晚于 end_date', [
        { field: 'start_date', message: 'start_date 不能晚于 end_date' },
      ]);
    }
    if (chinaDate(new Date(start)) < addCalendarDays(chinaDate(new Date(end)), -GEOREPORT_MAX_DAYS)) {
      throw new CivicError(400, 'VALIDATION_FAILED', `查询区间不能超过${GEOREPORT_MAX_DAYS}天`, [
        { field: 'start_date', message: `查询区间不能超过${GEOREPORT_MAX_DAYS}天` },
      ]);
    }
    cases = [];
    let position: Parameters<typeof deps.store.list>[2];
    do {
      const page = await deps.store.list(
        {
          kinds: CASE_KINDS,
          published: true,
          ...(query.service_code ? { type: query.service_code } : {}),
          createdFrom: new Date(start).toISOString(),
          createdTo: new Date(end).toISOString(),
        },
        100,
        position,
      );
      cases.push(...page.cases);
      position = page.next;
    } while (position && cases.length < GEOREPORT_MAX_REQUESTS);
  }
  const views = await publicViews(deps, cases.slice(0, GEOREPORT_MAX_REQUESTS));
  return statuses ? views.filter((view) => statuses.includes(view.status)) : views;
}

async function publicViews(deps: PublicationDependencies, cases: readonly Case[]) {
  const names = await deps.departments.names(cases.flatMap(departmentsOf));
  return Promise.all(
    cases.map(async (c) => publicServiceRequest(c, await deps.vault.open(c.contact), (id) => names.get(id))),
  );
}

/**
 * GET requests/{id}.{json,xml}: the public view of a published case; any other case is 404 —
 * unless the request carries its query code (X-Query-Code), which gives the citizen's own view,
 * with the same lockout as GET /v1/cases/{caseId}.
 */
export async function readServiceRequest(
  deps: PublicationDependencies & CitizenAccessDependencies,
  request: { caseId: string; queryCode?: string; client: string },
): Promise<GeoReportRequest[]> {
  if (request.queryCode !== undefined) {
    const own = await openCaseWithQueryCode(deps, {
      caseId: request.caseId,
      queryCode: request.queryCode,
      client: request.client,
    });
    const names = await deps.departments.names(departmentsOf(own));
    return [ownServiceRequest(own, (id) => names.get(id))];
  }
  const found = await deps.store.get(request.caseId);
  if (!found || !isPublishable(found)) throw new CivicError(404, 'CASE_NOT_FOUND', '案件不存在或未公开');
  return publicViews(deps, [found]);
}
