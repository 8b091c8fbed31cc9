import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { DomainError } from '../domain/errors.ts';
import type { IdempotencyPort } from '../store/idempotency-repository.ts';
import { type BodyFormat, readBody } from './body.ts';
import { CORS } from './cors.ts';
import { fieldLocator, toProblem } from './error-map.ts';
import { withIdempotency } from './idempotency.ts';
import { logRequest } from './log.ts';
import { authorize, type Principal, principalFromEvent } from './principal.ts';
import { PROBLEM_CONTENT_TYPE, problemBody } from './problem.ts';
import { type FunctionGroup, findRoute, ROUTES, type RouteKeyOf, routeKey } from './routes.ts';
import { parsePart } from './validation.ts';

export type Event = APIGatewayProxyEventV2;
export type Result = APIGatewayProxyStructuredResultV2;

/** What a route's `run` answers: a status, a JSON body (or `text` of `contentType`) and headers. */
export interface Reply {
  readonly status?: number;
  readonly body?: unknown;
  readonly text?: string;
  /** A binary answer (an .xlsx): sent base64-encoded with `isBase64Encoded`, as Lambda must. */
  readonly bytes?: Uint8Array;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  /**
   * An answer written as it is produced (open data): chunk by chunk, each written before the
   * next is made. Only a function served through a streaming invocation may answer so
   * (shared/http/streaming.ts; locally the server writes it out the same way).
   */
  readonly stream?: AsyncIterable<string>;
}

/** A result whose body is `stream`, written out by the streaming entry or the local server. */
export type StreamedResult = Result & { readonly stream?: AsyncIterable<string> };

export interface RequestInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly principal: Principal | undefined;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly requestId: string;
  /** The body's media type, for routes that take more than one. */
  readonly format: BodyFormat | undefined;
}

/** One route's schemas and its use-case call. Schemas double as the OpenAPI source. */
export interface RouteDefinition<P = unknown, Q = unknown, B = unknown> {
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  readonly body?: z.ZodType<B>;
  /** Body formats taken; defaults to JSON when a body schema is given. */
  readonly accepts?: readonly BodyFormat[];
  readonly responses?: Readonly<Record<number, z.ZodType>>;
  /** Other media types a 200 may come as (e.g. `text/csv`), with what they hold. */
  readonly alternates?: Readonly<Record<string, string>>;
  /** The route answers 302 to a file elsewhere: what the Location header points to. */
  readonly redirect?: string;
  readonly run: (input: RequestInput<P, Q, B>) => Promise<Reply>;
}

/** Identity function that lets TypeScript infer a route's types from its schemas. */
export function defineRoute<P = undefined, Q = undefined, B = undefined>(
  definition: RouteDefinition<P, Q, B>,
): RouteDefinition<P, Q, B> {
  return definition;
}

// biome-ignore lint/suspicious/noExplicitAny: a table of routes with unrelated schema types
type AnyRoute = RouteDefinition<any, any, any>;

const JSON_TYPE = 'application/json; charset=utf-8';

// A public API is read cross-origin; there is no reporting endpoint to announce.
// (`reportingEndpoints` is an option of the middleware that its type declarations omit.)
const SECURITY_HEADERS = {
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  reportingEndpoints: false,
} as Parameters<typeof httpSecurityHeaders>[0];

function requestIdOf(event: Event, context: Context | undefined): string {
  return event.requestContext?.requestId ?? context?.awsRequestId ?? 'unknown';
}

/**
 * The Lambda handler of one function group: the same middy stack for every route (security
 * headers, CORS, problem+json errors, one log line), dispatching on API Gateway's routeKey.
 * It refuses to start unless it implements exactly the routes `routes.ts` gives the group.
 */
export function httpHandler<G extends FunctionGroup>(
  group: G,
  routes: { readonly [K in RouteKeyOf<G>]: AnyRoute },
  options: { idempotency?: IdempotencyPort } = {},
) {
  const table = routes as Readonly<Record<string, AnyRoute>>;
  assertImplementsDeclaredRoutes(group, Object.keys(table));

  const dispatch = async (event: Event, context: Context): Promise<Result> => {
    const definition = table[event.routeKey];
    const declared = findRoute(event.routeKey);
    if (!definition || !declared) throw new Error(`route ${event.routeKey} is not served by ${group}`);
    const principal = authorize(declared.access, principalFromEvent(event));
    const accepts = definition.accepts ?? (definition.body ? ['json'] : []);
    const body = readBody(event, accepts);
    const run = async () => {
      const input = {
        params: definition.params
          ? parsePart(definition.params, 'path', event.pathParameters ?? {})
          : undefined,
        query: definition.query
          ? parsePart(definition.query, 'query', event.queryStringParameters ?? {})
          : undefined,
        body: definition.body ? parsePart(definition.body, 'body', body?.value) : body?.value,
        principal,
        headers: event.headers ?? {},
        requestId: requestIdOf(event, context),
        format: body?.format,
      };
      try {
        return jsonResult(await definition.run(input));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const parts = { path: event.pathParameters, query: event.queryStringParameters, body: body?.value };
        throw toProblem(error, fieldLocator(parts));
      }
    };
    return declared.method === 'POST' && options.idempotency
      ? withIdempotency(options.idempotency, event, principal, run)
      : run();
  };

  return withHttpStack(dispatch);
}

/** The middleware every function shares: security headers, CORS, problem+json, a log line. */
export function withHttpStack(dispatch: (event: Event, context: Context) => Promise<Result>) {
  return middy<Event, Result>()
    .use(requestLog())
    .use(httpSecurityHeaders(SECURITY_HEADERS))
    .use(
      httpCors({
        origin: CORS.origin,
        methods: CORS.methods,
        headers: CORS.headers,
        exposeHeaders: CORS.exposeHeaders,
        maxAge: CORS.maxAge,
      }),
    )
    .use(problemErrors())
    .handler(dispatch);
}

export function jsonResult(reply: Reply): Result {
  const status = reply.status ?? 200;
  if (reply.stream !== undefined) {
    const streamed: StreamedResult = {
      statusCode: status,
      headers: { 'content-type': reply.contentType ?? 'text/plain; charset=utf-8', ...reply.headers },
      body: '',
      stream: reply.stream,
    };
    return streamed;
  }
  if (reply.bytes !== undefined) {
    return {
      statusCode: status,
      headers: { 'content-type': reply.contentType ?? 'application/octet-stream', ...reply.headers },
      body: Buffer.from(reply.bytes).toString('base64'),
      isBase64Encoded: true,
    };
  }
  if (reply.text !== undefined) {
    return {
      statusCode: status,
      headers: { 'content-type': reply.contentType ?? 'text/plain; charset=utf-8', ...reply.headers },
      body: reply.text,
    };
  }
  return {
    statusCode: status,
    headers: { ...(reply.body === undefined ? {} : { 'content-type': JSON_TYPE }), ...reply.headers },
    body: reply.body === undefined ? '' : JSON.stringify(reply.body),
  };
}

/** Turns any error into a problem+json answer (middy's onError; the last `use`, so it runs first). */
function problemErrors(): middy.MiddlewareObj<Event, Result> {
  return {
    onError: async (request) => {
      const problem = toProblem(request.error);
      const requestId = requestIdOf(request.event, request.context);
      request.response = {
        statusCode: problem.status,
        headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...problem.headers },
        body: JSON.stringify(problemBody(problem, requestId)),
      };
    },
  };
}

/** Adds X-Request-Id and writes the request's log line, whatever the outcome. */
function requestLog(): middy.MiddlewareObj<Event, Result> {
  const started = new WeakMap<object, number>();
  const finish = async (request: middy.Request<Event, Result>) => {
    const requestId = requestIdOf(request.event, request.context);
    const response = request.response ?? { statusCode: 500 };
    response.headers = { ...response.headers, 'x-request-id': requestId };
    request.response = response;
    const status = response.statusCode ?? 500;
    let role = 'anonymous';
    try {
      role = principalFromEvent(request.event)?.role ?? 'anonymous';
    } catch {
      role = 'invalid';
    }
    logRequest({
      requestId,
      route: request.event.routeKey,
      role,
      status,
      latencyMs: Date.now() - (started.get(request) ?? Date.now()),
      ...(status >= 500 && request.error ? { error: `${request.error.name}: ${request.error.message}` } : {}),
    });
  };
  return {
    before: async (request) => {
      started.set(request, Date.now());
    },
    after: finish,
    onError: finish,
  };
}

function assertImplementsDeclaredRoutes(group: FunctionGroup, implemented: readonly string[]): void {
  const declared = ROUTES.filter((route) => route.group === group).map(routeKey);
  const missing = declared.filter((key) => !implemented.includes(key));
  const extra = implemented.filter((key) => !declared.includes(key));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `function ${group}: missing routes [${missing.join(', ')}], undeclared routes [${extra.join(', ')}]`,
    );
  }
}
