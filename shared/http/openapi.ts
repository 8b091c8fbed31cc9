import * as z from 'zod';
import { MAX_BATCH_ROWS } from '../domain/records/batch.ts';
import { MAX_BODY_BYTES, MEDIA_TYPES } from './body.ts';
import type { RouteDefinition } from './http-handler.ts';
import { IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_MAX_LENGTH } from './idempotency.ts';
import { ROUTE_DOCS } from './route-docs.ts';
import { FUNCTION_GROUPS, ROUTES, type RouteKey, routeKey } from './routes.ts';
import { MAX_LISTED_ERRORS } from './validation.ts';

type Json = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: route definitions of every schema type
type AnyDefinition = RouteDefinition<any, any, any>;

/**
 * Schemas given an `id` (`.meta({ id })`) become shared components: zod puts them in `$defs`,
 * and they are hoisted here into components.schemas, with the references rewritten. A schema
 * whose input and output forms differ gets one component per form.
 */
function schemaConverter() {
  const components: Record<string, Json> = {};
  const convert = (schema: z.ZodType, io: 'input' | 'output'): Json => {
    const {
      $schema: _ignored,
      $defs,
      ...rest
    } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json & {
      $defs?: Record<string, Json>;
    };
    const names: Record<string, string> = {};
    const rewrite = (value: unknown): Json =>
      JSON.parse(
        JSON.stringify(value).replace(
          /"#\/\$defs\/([^"]+)"/g,
          (_m, id: string) => `"#/components/schemas/${names[id] ?? id}"`,
        ),
      ) as Json;
    const defs = Object.entries($defs ?? {});
    for (const [id, definition] of defs) {
      const existing = components[id];
      names[id] =
        !existing || JSON.stringify(existing) === JSON.stringify(rewrite(definition)) ? id : `${id}_${io}`;
    }
    for (const [id, definition] of defs) components[names[id] ?? id] = rewrite(definition);
    return rewrite(rest);
  };
  return { convert, components };
}

const INT32 = 2 ** 31;

/**
 * Every integer says its size, from the bounds its schema enforces: int32 when they fit,
 * int64 otherwise (zod's `.int()` alone bounds it to ±(2^53 − 1)). Run over the finished
 * document, so that no schema, however it was written, is left without one.
 */
function sizeIntegers(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) sizeIntegers(item);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const node = value as Json;
  if (node.type === 'integer' && node.format === undefined) {
    const min = typeof node.minimum === 'number' ? node.minimum : -Infinity;
    const max = typeof node.maximum === 'number' ? node.maximum : Infinity;
    node.format = min >= -INT32 && max < INT32 ? 'int32' : 'int64';
  }
  for (const child of Object.values(node)) sizeIntegers(child);
}

let jsonSchema: (schema: z.ZodType, io: 'input' | 'output') => Json = () => {
  throw new Error('jsonSchema used outside buildOpenApi');
};

/*
 * The limits of what the service writes into a problem. Its messages and codes are its own
 * texts; the only part a caller chose is a field name, which validation.ts cuts at 64
 * characters, in a path as deep as the schemas nest (a handful of levels). The limits leave
 * room over the longest seen so that a new message does not need a new document, and the e2e
 * and fuzz suites check every answer they get against them (test/support/contract.ts).
 */
const CODE: Json = { type: 'string', maxLength: 64 };
const MESSAGE_TEXT: Json = { type: 'string', maxLength: 1000 };
const FIELD: Json = { type: 'string', maxLength: 1000 };
const MESSAGES: Json = {
  type: 'object',
  required: ['zh', 'en'],
  properties: { zh: MESSAGE_TEXT, en: MESSAGE_TEXT },
};

const PROBLEM: Json = {
  type: 'object',
  description: 'RFC 9457 problem details, with a stable code and the message in Chinese and English',
  required: ['type', 'title', 'status', 'code', 'detail', 'message'],
  properties: {
    type: { type: 'string', maxLength: 100, description: 'urn:problem:disclosure-service: and the code' },
    title: { ...MESSAGE_TEXT, description: 'English message' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    code: { ...CODE, description: 'Stable machine-readable code, e.g. validation_failed' },
    detail: { ...MESSAGE_TEXT, description: '中文说明' },
    message: MESSAGES,
    field: {
      ...FIELD,
      description:
        'The offending field, named by where the request carried it: body.subject.uscc, query.from, path.year, or a header (if-match)',
    },
    errors: {
      type: 'array',
      maxItems: MAX_LISTED_ERRORS,
      description: `The first ${MAX_LISTED_ERRORS} offending fields; details.errorsOmitted counts the rest`,
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: { field: FIELD, code: CODE, message: MESSAGES },
      },
    },
    details: { type: 'object', additionalProperties: true },
    requestId: {
      type: 'string',
      maxLength: 100,
      description: "API Gateway's request id (a UUID on the local server): quote it when reporting a fault",
    },
  },
};

/**
 * What a 429 is. Neither API Gateway nor the service sends rate-limit headers (RateLimit,
 * X-RateLimit-*) on other answers: the stage's throttle is one token bucket shared by every
 * caller, whose state no handler sees, so any such header would be made up (.spectral.yaml).
 */
const TOO_MANY_REQUESTS: Json = {
  description:
    "请求过多（API 网关限流）/ Too many requests. API Gateway's stage throttle (a rate shared by all callers, infra/http-api.ts) answers before the service runs, with its own JSON body and no Retry-After: wait a second and retry with growing pauses. Through the website's origin, the web ACL's per-address limit answers with a problem and Retry-After.",
  headers: {
    'Retry-After': {
      description:
        "Seconds to wait. Sent by the web ACL's per-address limit; API Gateway's stage throttle sends none.",
      required: false,
      schema: { type: 'integer', minimum: 0, maximum: 86_400 },
    },
  },
  content: {
    'application/json': {
      schema: {
        type: 'object',
        description: "API Gateway's own answer",
        required: ['message'],
        properties: { message: { type: 'string', const: 'Too Many Requests' } },
      },
    },
    'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
  },
};

/**
 * The largest answer a function can give: Lambda's synchronous response payload quota
 * (6 MB); API Gateway answers 502 for anything larger. A character is at least one byte.
 */
const MAX_ANSWER_BYTES = 6 * 1024 * 1024;

const PROBLEM_STATUS: Record<number, { zh: string; en: string }> = {
  400: { zh: '请求无效', en: 'The request is not valid' },
  401: { zh: '缺少或无效的访问令牌', en: 'A valid bearer token is required' },
  403: { zh: '无权访问', en: 'Not allowed for this caller' },
  404: { zh: '不存在或不公开', en: 'Not found, or not public' },
  409: { zh: '与当前状态冲突（并发修改、重复）', en: 'Conflicts with the current state' },
  412: { zh: 'If-Match 的版本已过时', en: 'The If-Match version is stale' },
  413: { zh: '请求体超过 1 MiB', en: 'Body larger than 1 MiB' },
  415: { zh: '不支持的 Content-Type', en: 'Unsupported media type' },
  422: { zh: '业务规则不允许', en: 'A rule of the domain forbids it' },
  500: { zh: '服务内部错误', en: 'Internal error' },
  503: { zh: '服务繁忙，请按 Retry-After 重试', en: 'Busy; retry after Retry-After' },
};

function problemStatuses(method: string, path: string, isPublic: boolean): number[] {
  const mutating = method !== 'GET';
  return [
    // Any request may carry a body (readBody): one a route does not take is a 400, one over
    // 1 MiB a 413, on a GET as on a POST.
    400,
    ...(isPublic ? [] : [401, 403]),
    ...(path.includes('{') ? [404] : []),
    413,
    ...(mutating ? [409, 415, 422] : []),
    ...(method === 'PUT' ? [412] : []),
    500,
    503,
  ].sort((a, b) => a - b);
}

/** Path and query parameters from a route's object schemas (one parameter per property). */
function parameters(location: 'path' | 'query', schema: z.ZodType | undefined): Json[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (object.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

/** An answer's other media type: text, or a file (`format: binary`) such as an .xlsx. */
const alternate = ([mediaType, description]: [string, string]) => [
  mediaType,
  {
    schema: mediaType.startsWith('text/')
      ? { type: 'string', maxLength: MAX_ANSWER_BYTES, description }
      : { type: 'string', format: 'binary', maxLength: MAX_ANSWER_BYTES, description },
  },
];

function operation(key: RouteKey, definition: AnyDefinition): Json {
  const route = ROUTES.find((r) => routeKey(r) === key);
  if (!route) throw new Error(`undeclared route ${key}`);
  const isPublic = route.access === 'public';
  const docs = ROUTE_DOCS[key];
  const accepts = definition.accepts ?? (definition.body ? ['json'] : []);
  const responses: Json = {};
  for (const [status, schema] of Object.entries(definition.responses ?? {})) {
    responses[status] = {
      description: status.startsWith('2') ? `${docs.zh} / ${docs.en}` : 'See the schema',
      content: {
        'application/json': { schema: jsonSchema(schema as z.ZodType, 'output') },
        ...Object.fromEntries(Object.entries(definition.alternates ?? {}).map(alternate)),
      },
    };
  }
  // A route whose answer is only a file (a template) documents its media types alone.
  if (!definition.responses?.[200] && definition.alternates) {
    responses[200] = {
      description: `${docs.zh} / ${docs.en}`,
      content: Object.fromEntries(Object.entries(definition.alternates).map(alternate)),
    };
  }
  if (definition.redirect) {
    responses[302] = {
      description: `${docs.zh} / ${docs.en}`,
      headers: {
        Location: { description: definition.redirect, schema: { type: 'string', maxLength: 4096 } },
        // Every answer carries it (the shared middy stack's CORS); declared where headers are.
        'Access-Control-Allow-Origin': { schema: { type: 'string', maxLength: 200 } },
      },
    };
  }
  for (const status of problemStatuses(route.method, route.path, isPublic)) {
    const text = PROBLEM_STATUS[status] ?? { zh: '错误', en: 'Error' };
    responses[status] = {
      description: `${text.zh} / ${text.en}`,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  responses[429] = { $ref: '#/components/responses/TooManyRequests' };
  const body =
    accepts.length === 0
      ? undefined
      : {
          required: true,
          description: `Up to ${MAX_BODY_BYTES} bytes`,
          content: Object.fromEntries(
            accepts.map((format) =>
              format === 'json'
                ? [
                    'application/json',
                    {
                      // Only the batch takes JSON without a body schema: it checks each row
                      // itself, to answer row by row.
                      schema: definition.body
                        ? jsonSchema(definition.body, 'input')
                        : { type: 'array', maxItems: MAX_BATCH_ROWS, items: { type: 'object' } },
                    },
                  ]
                : format === 'csv'
                  ? [
                      MEDIA_TYPES.csv,
                      {
                        schema: {
                          type: 'string',
                          // Characters: a UTF-8 character is at least one of the body's bytes.
                          maxLength: MAX_BODY_BYTES,
                          description:
                            '国家数据标准中文表头的 CSV，UTF-8（可带 BOM）或 GB18030/GBK / CSV with the standard Chinese headers, UTF-8 (BOM optional) or GB18030/GBK',
                        },
                      },
                    ]
                  : [
                      MEDIA_TYPES.xlsx,
                      {
                        schema: {
                          type: 'string',
                          format: 'binary',
                          maxLength: MAX_BODY_BYTES,
                          description:
                            '.xlsx：第一个工作表，首行为国家数据标准中文表头 / .xlsx: the first sheet, row 1 the standard Chinese headers',
                        },
                      },
                    ],
            ),
          ),
        };
  const roles = isPublic
    ? '公开 / public'
    : `角色 / roles: ${(route.access as readonly string[]).join(', ')}`;
  return {
    operationId: key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''),
    summary: docs.en,
    description: `${docs.zh}\n\n${docs.en}\n\n${roles}`,
    tags: [route.group],
    security: isPublic ? [] : [{ bearer: [] }],
    parameters: [
      ...parameters('path', definition.params),
      ...parameters('query', definition.query),
      ...(route.method === 'POST'
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: '重试时携带相同的键，只生效一次 / retry-safe key',
              schema: {
                type: 'string',
                pattern: IDEMPOTENCY_KEY.source,
                maxLength: IDEMPOTENCY_KEY_MAX_LENGTH,
              },
            },
          ]
        : []),
      ...(route.method === 'PUT'
        ? [
            {
              name: 'If-Match',
              in: 'header',
              required: false,
              description: 'ETag of the version read, e.g. "3"',
              // As request-helpers.ts parses it: a version of at most nine digits.
              schema: { type: 'string', pattern: '^(W/)?"[0-9]{1,9}"$', maxLength: 13 },
            },
          ]
        : []),
    ],
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document, built from the route catalog and the zod schemas that validate
 * each route: there is no hand-written copy that could drift from the code.
 */
export function buildOpenApi(definitions: Readonly<Record<string, AnyDefinition>>): Json {
  const converter = schemaConverter();
  jsonSchema = converter.convert;
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) {
    const key = routeKey(route) as RouteKey;
    const definition = definitions[key];
    if (!definition) throw new Error(`no definition for ${key}`);
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(key, definition) };
  }
  const document = {
    openapi: '3.1.0',
    info: {
      title: '行政行为公示与异议服务 / Disclosure and objection service',
      version: '1.0.0',
      description:
        '双公示及其他八类行政行为的登记、公示、检索，异议与信用修复，以及各项法定时限。\n\nRegistration, publication and search of administrative actions, objections and credit repair, with every legal time limit enforced.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [
      {
        url: '/',
        description: 'The deployment that serves this document: production, staging or a local server alike',
        // The API is the public register's: nothing in it is internal.
        'x-internal': false,
      },
    ],
    tags: [...new Set(ROUTES.map((r) => r.group))].map((name) => ({
      name,
      description: FUNCTION_GROUPS[name].description,
    })),
    paths,
    components: {
      schemas: { Problem: PROBLEM, ...sortedKeys(converter.components) },
      responses: { TooManyRequests: TOO_MANY_REQUESTS },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "A signed JWT (JWS), checked as RFC8725 (JSON Web Token Best Current Practices) asks: the verifier fixes the algorithm and never takes it from the token (so `alg: none` and an HMAC over the public key fail), checks the signature against the issuer's published keys, and requires `iss`, `aud` and `exp` (`nbf` too when present). On AWS, API Gateway's JWT authorizer checks Cognito ID tokens; the local server, tokens of its own key (local/jwt-keys.ts). Claims: role (agency | entity | admin), agency or uscc (unified social credit code), sub.",
        },
      },
    },
  };
  sizeIntegers(document);
  return document;
}

function sortedKeys(object: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}
