import * as z from 'zod';
import { MAX_BODY_BYTES } from './body.ts';
import type { RouteDefinition } from './http-handler.ts';
import { ROUTE_DOCS } from './route-docs.ts';
import { FUNCTION_GROUPS, ROUTES, type RouteKey, routeKey } from './routes.ts';

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

let jsonSchema: (schema: z.ZodType, io: 'input' | 'output') => Json = () => {
  throw new Error('jsonSchema used outside buildOpenApi');
};

const PROBLEM: Json = {
  type: 'object',
  description: 'RFC 9457 problem details, with a stable code and the message in Chinese and English',
  required: ['type', 'title', 'status', 'code', 'detail', 'message'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string', description: 'English message' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable machine-readable code, e.g. validation_failed' },
    detail: { type: 'string', description: '中文说明' },
    message: {
      type: 'object',
      required: ['zh', 'en'],
      properties: { zh: { type: 'string' }, en: { type: 'string' } },
    },
    field: {
      type: 'string',
      description:
        'The offending field, named by where the request carried it: body.subject.uscc, query.from, path.year, or a header (if-match)',
    },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: {
          field: { type: 'string' },
          code: { type: 'string' },
          message: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } },
        },
      },
    },
    details: { type: 'object', additionalProperties: true },
    requestId: { type: 'string' },
  },
};

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
        ...Object.fromEntries(
          Object.entries(definition.alternates ?? {}).map(([mediaType, description]) => [
            mediaType,
            { schema: { type: 'string', description } },
          ]),
        ),
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
                      schema: definition.body
                        ? jsonSchema(definition.body, 'input')
                        : { type: 'array', items: { type: 'object' } },
                    },
                  ]
                : [
                    'text/csv',
                    {
                      schema: {
                        type: 'string',
                        description: '国家数据标准中文表头的 CSV / CSV with the standard Chinese headers',
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
              schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' },
            },
          ]
        : []),
      ...(route.method === 'PUT'
        ? [
            {
              name: 'If-Match',
              in: 'header',
              required: false,
              description: 'ETag of the version read',
              schema: { type: 'string' },
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
  return {
    openapi: '3.1.0',
    info: {
      title: '行政行为公示与异议服务 / Disclosure and objection service',
      version: '1.0.0',
      description:
        '双公示及其他八类行政行为的登记、公示、检索，异议与信用修复，以及各项法定时限。\n\nRegistration, publication and search of administrative actions, objections and credit repair, with every legal time limit enforced.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    tags: [...new Set(ROUTES.map((r) => r.group))].map((name) => ({
      name,
      description: FUNCTION_GROUPS[name].description,
    })),
    paths,
    components: {
      schemas: { Problem: PROBLEM, ...sortedKeys(converter.components) },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'Claims: role (agency | entity | admin), agency or uscc (unified social credit code), sub',
        },
      },
    },
  };
}

function sortedKeys(object: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}
