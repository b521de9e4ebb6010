import * as z from 'zod/mini';
import { REQUEST_TYPES } from '../domain/case-kinds';
import { isChinesePhone, normalizePhone } from '../domain/contact';
import { text } from '../domain/text-field';
import '../http/validation';

/**
 * GeoReport v2, as schemas derived from the spec's field definitions (wiki.open311.org/GeoReport_v2):
 * the form a client posts, and what each resource answers. The OpenAPI document publishes them and
 * the tests validate every answer with them.
 */
const yesNo = z.enum(['yes', 'no'], { error: '只能是 yes 或 no' });

/** POST requests.{json,xml}, form-encoded. Points from 311 clients are GPS (WGS-84). */
export const geoReportPostSchema = z
  .object({
    api_key: z.string({ error: '请提供 api_key' }).check(z.minLength(1, '请提供 api_key')),
    jurisdiction_id: z.optional(z.string().check(z.maxLength(64))),
    service_code: z.string({ error: '请提供 service_code' }).check(z.minLength(1, '请提供 service_code')),
    lat: z.optional(
      z.coerce
        .number({ error: '纬度必须是数字' })
        .check(z.gte(-90, '纬度须在 -90 到 90 之间'), z.lte(90, '纬度须在 -90 到 90 之间')),
    ),
    long: z.optional(
      z.coerce
        .number({ error: '经度必须是数字' })
        .check(z.gte(-180, '经度须在 -180 到 180 之间'), z.lte(180, '经度须在 -180 到 180 之间')),
    ),
    address_string: z.optional(text('地址', 200)),
    address_id: z.optional(z.string().check(z.maxLength(64))),
    email: z.optional(z.email('电子邮箱格式不正确').check(z.maxLength(254))),
    device_id: z.optional(z.string().check(z.maxLength(128))),
    account_id: z.optional(z.string().check(z.maxLength(128))),
    first_name: z.optional(text('名', 25)),
    last_name: z.optional(text('姓', 25)),
    phone: z
      .pipe(z.string({ error: '请提供联系电话（用于查询进度和回访）' }), z.transform(normalizePhone))
      .check(z.refine(isChinesePhone, '联系电话格式不正确，请填写11位手机号或带区号的固定电话')),
    description: text('问题描述', 4000),
    media_url: z.optional(z.url('media_url 不是有效的网址').check(z.maxLength(2048))),
    'attribute[mailbox]': z.optional(z.string()),
    'attribute[public_consent]': z.optional(yesNo),
    'attribute[confidential]': z.optional(yesNo),
  })
  .check(
    z.refine((form) => (form.lat === undefined) === (form.long === undefined), {
      message: '经度和纬度须同时提供',
      path: ['long'],
    }),
    z.refine((form) => form.lat !== undefined || form.address_string !== undefined, {
      message: '请提供位置：lat 和 long，或 address_string（不支持 address_id）',
      path: ['address_string'],
    }),
  );

export type GeoReportPost = z.output<typeof geoReportPostSchema>;

/** GET requests.{json,xml}: filters; at most 90 days and 1,000 requests. */
export const geoReportListQuerySchema = z.object({
  service_request_id: z.optional(z.string().check(z.maxLength(2000))),
  service_code: z.optional(z.enum(REQUEST_TYPES, { error: '未知的 service_code' })),
  start_date: z.optional(z.iso.datetime({ offset: true, error: 'start_date 须为带时区的 ISO 8601 时间' })),
  end_date: z.optional(z.iso.datetime({ offset: true, error: 'end_date 须为带时区的 ISO 8601 时间' })),
  status: z.optional(
    z
      .string()
      .check(z.regex(/^(open|closed)(,(open|closed))*$/, 'status 只能是 open、closed 或 open,closed')),
  ),
  jurisdiction_id: z.optional(z.string().check(z.maxLength(64))),
});

const datetime = z.iso.datetime({ offset: true });

export const geoReportServiceSchema = z
  .strictObject({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: z.string(),
    group: z.string(),
  })
  .check(z.meta({ id: 'GeoReportService' }));

export const geoReportServiceDefinitionSchema = z
  .strictObject({
    service_code: z.string(),
    attributes: z.array(
      z.strictObject({
        variable: z.boolean(),
        code: z.string(),
        datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
        required: z.boolean(),
        datatype_description: z.string(),
        order: z.int().check(z.positive()),
        description: z.string(),
        values: z.array(z.strictObject({ key: z.string(), name: z.string() })),
      }),
    ),
  })
  .check(z.meta({ id: 'GeoReportServiceDefinition' }));

export const geoReportRequestSchema = z
  .strictObject({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    status_notes: z.optional(z.string()),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: z.optional(z.string()),
    service_notice: z.optional(z.string()),
    requested_datetime: datetime,
    updated_datetime: datetime,
    expected_datetime: z.optional(datetime),
    address: z.optional(z.string()),
    lat: z.optional(z.number()),
    long: z.optional(z.number()),
  })
  .check(z.meta({ id: 'GeoReportRequest' }));

export const geoReportPostResultSchema = z
  .strictObject({
    service_request_id: z.string(),
    service_notice: z.string(),
    account_id: z.optional(z.string()),
    query_code: z
      .string()
      .check(z.meta({ description: '扩展字段：查询码，只显示这一次（同 POST /v1/letters）' })),
  })
  .check(z.meta({ id: 'GeoReportPostResult' }));

export const geoReportErrorSchema = z
  .strictObject({ code: z.int(), description: z.string() })
  .check(z.meta({ id: 'GeoReportError' }));

export const geoReportDiscoverySchema = z
  .strictObject({
    changeset: datetime,
    contact: z.string(),
    key_service: z.string(),
    endpoints: z.array(
      z.strictObject({
        specification: z.string(),
        url: z.string(),
        changeset: datetime,
        type: z.enum(['production', 'test']),
        formats: z.array(z.string()),
      }),
    ),
  })
  .check(z.meta({ id: 'GeoReportDiscovery' }));

/** POST /v1/open311/keys: the application an administrator issues a key to. */
export const clientApplicationSchema = z.strictObject({ name: text('客户端应用名称', 100) });
