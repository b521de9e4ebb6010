import * as z from 'zod';
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
    api_key: z.string({ error: '请提供 api_key' }).min(1, '请提供 api_key'),
    jurisdiction_id: z.string().max(64).optional(),
    service_code: z.string({ error: '请提供 service_code' }).min(1, '请提供 service_code'),
    lat: z.coerce
      .number({ error: '纬度必须是数字' })
      .min(-90, '纬度须在 -90 到 90 之间')
      .max(90, '纬度须在 -90 到 90 之间')
      .optional(),
    long: z.coerce
      .number({ error: '经度必须是数字' })
      .min(-180, '经度须在 -180 到 180 之间')
      .max(180, '经度须在 -180 到 180 之间')
      .optional(),
    address_string: text('地址', 200).optional(),
    address_id: z.string().max(64).optional(),
    email: z.email('电子邮箱格式不正确').max(254).optional(),
    device_id: z.string().max(128).optional(),
    account_id: z.string().max(128).optional(),
    first_name: text('名', 25).optional(),
    last_name: text('姓', 25).optional(),
    phone: z
      .string({ error: '请提供联系电话（用于查询进度和回访）' })
      .transform(normalizePhone)
      .refine(isChinesePhone, '联系电话格式不正确，请填写11位手机号或带区号的固定电话'),
    description: text('问题描述', 4000),
    media_url: z.url('media_url 不是有效的网址').max(2048).optional(),
    'attribute[mailbox]': z.string().optional(),
    'attribute[public_consent]': yesNo.optional(),
    'attribute[confidential]': yesNo.optional(),
  })
  .refine((form) => (form.lat === undefined) === (form.long === undefined), {
    message: '经度和纬度须同时提供',
    path: ['long'],
  })
  .refine((form) => form.lat !== undefined || form.address_string !== undefined, {
    message: '请提供位置：lat 和 long，或 address_string（不支持 address_id）',
    path: ['address_string'],
  });

export type GeoReportPost = z.output<typeof geoReportPostSchema>;

/** GET requests.{json,xml}: filters; at most 90 days and 1,000 requests. */
export const geoReportListQuerySchema = z.object({
  service_request_id: z.string().max(2000).optional(),
  service_code: z.enum(REQUEST_TYPES, { error: '未知的 service_code' }).optional(),
  start_date: z.iso.datetime({ offset: true, error: 'start_date 须为带时区的 ISO 8601 时间' }).optional(),
  end_date: z.iso.datetime({ offset: true, error: 'end_date 须为带时区的 ISO 8601 时间' }).optional(),
  status: z
    .string()
    .regex(/^(open|closed)(,(open|closed))*$/, 'status 只能是 open、closed 或 open,closed')
    .optional(),
  jurisdiction_id: z.string().max(64).optional(),
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
  .meta({ id: 'GeoReportService' });

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
        order: z.int().positive(),
        description: z.string(),
        values: z.array(z.strictObject({ key: z.string(), name: z.string() })),
      }),
    ),
  })
  .meta({ id: 'GeoReportServiceDefinition' });

export const geoReportRequestSchema = z
  .strictObject({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    status_notes: z.string().optional(),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: z.string().optional(),
    service_notice: z.string().optional(),
    requested_datetime: datetime,
    updated_datetime: datetime,
    expected_datetime: datetime.optional(),
    address: z.string().optional(),
    lat: z.number().optional(),
    long: z.number().optional(),
  })
  .meta({ id: 'GeoReportRequest' });

export const geoReportPostResultSchema = z
  .strictObject({
    service_request_id: z.string(),
    service_notice: z.string(),
    account_id: z.string().optional(),
    query_code: z.string().meta({ description: '扩展字段：查询码，只显示这一次（同 POST /v1/letters）' }),
  })
  .meta({ id: 'GeoReportPostResult' });

export const geoReportErrorSchema = z
  .strictObject({ code: z.int(), description: z.string() })
  .meta({ id: 'GeoReportError' });

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
  .meta({ id: 'GeoReportDiscovery' });

/** POST /v1/open311/keys: the application an administrator issues a key to. */
export const clientApplicationSchema = z.strictObject({ name: text('客户端应用名称', 100) });
