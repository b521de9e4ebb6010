import * as z from 'zod/mini';
import { ROUTES, type RouteDefinition, routeKey } from '../functions/route-table';
import { codesOfStatus, ERROR_CODES } from './error-codes';
import { requestExample } from './examples';
import { type ContractHeader, OPERATIONS, type Operation, TAGS } from './operations';
import { errorSchema, gatewayErrorSchema } from './response-schemas';

type JsonObject = Record<string, unknown>;

export const API_TITLE = 'CivicLine 市长信箱、12345热线与在线咨询接口';
export const API_VERSION = '1.0.0';

const COMPONENT = (id: string) => `#/components/schemas/${id}`;

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: '请求有误',
  401: '未登录或登录凭证无效',
  403: '无权访问',
  404: '不存在',
  409: '与案件当前状态冲突',
  413: '请求内容过大',
  415: '内容类型不受支持',
  422: '幂等键与内容不符',
  429: '请求过于频繁',
  500: '服务器内部错误',
  503: '暂时无法处理，请稍后重试',
};

const HEADER_PARAMETERS: Readonly<Record<ContractHeader, JsonObject>> = {
  'Idempotency-Key': {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: '客户端生成的唯一键（如 UUID）：同一键重试得到同一结果，不会重复登记',
    schema: { type: 'string', minLength: 8, maxLength: 128, pattern: '^[\\w.:-]+$' },
  },
  'X-Query-Code': {
    name: 'X-Query-Code',
    in: 'header',
    required: false,
    description: '群众提交时获得的查询码（与 Bearer 令牌二选一）',
    schema: { type: 'string', maxLength: 32 },
  },
};

/**
 * The OpenAPI 3.1 document of the API, built from the route table (paths, access, roles), the
 * operations (schemas of requests and responses) and the error catalogue — nothing written twice.
 */
export function openApiDocument(serverUrl = '/'): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of ROUTES) {
    const operation = OPERATIONS[routeKey(route)];
    if (!operation) throw new Error(`${routeKey(route)} has no operation in shared/contract/operations.ts`);
    const methods = paths[route.path] ?? {};
    methods[route.method.toLowerCase()] = pathItem(route, operation);
    paths[route.path] = methods;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: API_TITLE,
      version: API_VERSION,
      description:
        '群众写信、在线咨询和查询进度；12345 接线员登记来电；派单、承办、审核、督办；领导查看统计。' +
        '错误响应统一为 {"error":{"code","message","details"}}，message 为简体中文。',
      license: { name: 'Proprietary', identifier: 'LicenseRef-CivicLine' },
    },
    servers: [{ url: serverUrl }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        staffJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: '工作人员登录令牌（Cognito 或城市统一身份认证），角色见各接口说明',
        },
        queryCode: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Query-Code',
          description: '群众凭案件编号和查询码查看、评价本人案件',
        },
      },
    },
  };
}

function pathItem(route: RouteDefinition, operation: Operation): JsonObject {
  const parameters = [
    ...pathParameters(route.path),
    ...(operation.query ? queryParameters(operation.query) : []),
    ...(operation.headers ?? [])
      .filter((header) => !(header === 'X-Query-Code' && route.access === 'citizen-or-staff'))
      .map((header) => HEADER_PARAMETERS[header]),
  ];
  const example = requestExample(routeKey(route));
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: [operation.description, accessText(route)].filter(Boolean).join('\n\n'),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body || operation.form
      ? {
          requestBody: {
            required: true,
            content: {
              [operation.form ? 'application/x-www-form-urlencoded' : 'application/json']: {
                schema: inputSchema((operation.form ?? operation.body) as z.ZodMiniType),
                ...(example !== undefined ? { example } : {}),
              },
            },
          },
        }
      : {}),
    responses: responses(route, operation),
    security: securityOf(route),
  };
}

function accessText(route: RouteDefinition): string {
  if (route.access === 'public') return '无需登录。';
  const roles = (route.roles ?? []).join('、');
  return route.access === 'staff'
    ? `需要工作人员令牌；允许的角色：${roles}。`
    : `群众凭 X-Query-Code，或工作人员凭令牌（允许的角色：${roles}）。`;
}

function securityOf(route: RouteDefinition): JsonObject[] {
  if (route.access === 'staff') return [{ staffJwt: [] }];
  if (route.access === 'citizen-or-staff') return [{ queryCode: [] }, { staffJwt: [] }];
  if (route.path.includes('{caseId}')) return [{ queryCode: [] }];
  return [];
}

function pathParameters(path: string): JsonObject[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    description: name === 'caseId' ? '案件编号' : name,
    schema: { type: 'string', minLength: 1, maxLength: 32 },
  }));
}

function queryParameters(query: z.ZodMiniType): JsonObject[] {
  const schema = inputSchema(query) as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: (schema.required ?? []).includes(name),
    schema: property,
  }));
}

/** The media types a GeoReport path answers in: its extension's, or both when a parameter ends it. */
function geoReportMedia(path: string): string[] {
  if (path.endsWith('.json')) return ['application/json'];
  if (path.endsWith('.xml')) return ['text/xml'];
  return ['application/json', 'text/xml'];
}

/** Every status an operation can answer: its success, its errors, and what any route of its access can. */
function responses(route: RouteDefinition, operation: Operation): Record<string, JsonObject> {
  const { success } = operation;
  const media = operation.geoReport ? geoReportMedia(route.path) : ['application/json'];
  const body = (schema: JsonObject) =>
    Object.fromEntries(
      media.map((type) => [
        type,
        type === 'text/xml' ? { schema: { type: 'string', description: 'XML（UTF-8）' } } : { schema },
      ]),
    );
  const files = Object.fromEntries(
    (success.files ?? []).map((type) => [type, { schema: { type: 'string', contentEncoding: 'binary' } }]),
  );
  const out: Record<string, JsonObject> = {
    [success.status]: {
      description: success.description,
      content: { ...body(success.schema ? outputSchema(success.schema) : { type: 'object' }), ...files },
      ...(success.cacheable
        ? { headers: { 'Cache-Control': { schema: { type: 'string' }, description: '可缓存的时长' } } }
        : {}),
    },
  };
  // API Gateway's stage throttling can answer 429 on any route.
  const statuses = new Set([...operation.errors, 429, 500, 503]);
  if (route.access !== 'public') statuses.add(401).add(403);
  if (route.path.includes('{caseId}')) statuses.add(404).add(401);
  // API Gateway refuses a path parameter it cannot decode (400 MALFORMED_PATH) before any function.
  if (route.path.includes('{')) statuses.add(400);
  if (route.method === 'POST') statuses.add(413);
  for (const status of [...statuses].sort()) {
    out[status] = operation.geoReport ? geoReportError(status, media) : errorResponse(status);
  }
  return out;
}

/** GeoReport's errors: an array of {code, description}; the description ends with our code. */
function geoReportError(status: number, media: readonly string[]): JsonObject {
  const codes = codesOfStatus(status);
  return {
    description: [STATUS_TEXT[status] ?? '错误', codes.map((code) => `\`${code}\``).join('、')]
      .filter(Boolean)
      .join('\n\n'),
    content: Object.fromEntries(
      media.map((type) => [
        type,
        type === 'text/xml'
          ? {
              schema: {
                type: 'string',
                description: '<errors><error><code/><description/></error></errors>',
              },
            }
          : {
              schema: {
                oneOf: [
                  { type: 'array', items: { $ref: COMPONENT('GeoReportError') } },
                  // What API Gateway answers before the function: its own message, or MALFORMED_PATH.
                  { $ref: COMPONENT('GatewayError') },
                  { $ref: COMPONENT('Error') },
                ],
              },
            },
      ]),
    ),
  };
}

/**
 * An error answer: the function's Error shape with the codes this status carries, or API
 * Gateway's own `{message}` when it answers first (no token, throttled, timed out, too large).
 */
function errorResponse(status: number): JsonObject {
  const codes = codesOfStatus(status);
  const list = codes.map((code) => `- \`${code}\`：${ERROR_CODES[code].meaning}`).join('\n');
  const gateway = [401, 403, 404, 413, 429, 500, 503].includes(status);
  return {
    description: [STATUS_TEXT[status] ?? '错误', list].filter(Boolean).join('\n\n'),
    ...(status === 429 || status === 409 || status === 503
      ? {
          headers: {
            'Retry-After': { schema: { type: 'string' }, description: '建议等待的秒数（若给出）' },
          },
        }
      : {}),
    content: {
      'application/json': {
        schema: gateway
          ? { oneOf: [{ $ref: COMPONENT('Error') }, { $ref: COMPONENT('GatewayError') }] }
          : { $ref: COMPONENT('Error') },
      },
    },
  };
}

/** Request schemas as a client sends them (defaults optional), inlined in their operation. */
function inputSchema(schema: z.ZodMiniType): JsonObject {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonObject;
  return json;
}

/** Response schemas by reference: each named view is one component, a choice of views a oneOf. */
function outputSchema(schema: z.ZodMiniType): JsonObject {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: COMPONENT(id) };
  if (schema instanceof z.ZodMiniArray)
    return { type: 'array', items: outputSchema(schema.def.element as z.ZodMiniType) };
  if (schema instanceof z.ZodMiniUnion) {
    return {
      oneOf: (schema.def.options as unknown as z.ZodMiniType[]).map((option) => outputSchema(option)),
    };
  }
  throw new Error('a response schema must be a registered view (z.meta({ id })) or a union of them');
}

function componentSchemas(): JsonObject {
  const registered = z.toJSONSchema(z.globalRegistry, {
    io: 'output',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    uri: COMPONENT,
  }) as { schemas: Record<string, JsonObject> };
  return Object.fromEntries(
    Object.entries(registered.schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [
      id,
      schema,
    ]),
  );
}

/** The error and gateway shapes are components even where no operation names them directly. */
export const CONTRACT_COMPONENTS = [errorSchema, gatewayErrorSchema];
