import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { HttpProblem, PROBLEM_CONTENT_TYPE, problemBody } from '../shared/http/problem.ts';
import {
  DEFAULT_ROUTE_GROUP,
  DEFAULT_ROUTE_KEY,
  type FunctionGroup,
  matchRoute,
  routeKey,
} from '../shared/http/routes.ts';
import type { SiteConfig } from '../shared/site/site-config.ts';
import {
  apiGatewayEvent,
  BodyTooLargeError,
  GATEWAY_MAX_BODY_BYTES,
  lambdaContext,
  readRequestBody,
} from './api-event.ts';
import type { LocalKeys } from './jwt-keys.ts';
import { type CaughtMail, mailPage } from './mail-catcher.ts';
import { SIGN_IN_PATH, serveSignIn, toLoopbackName, writeSignIn } from './sign-in.ts';
import { serveStatic } from './static-files.ts';

export type LambdaHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Loads the handler module Lambda runs for a function group (functions/<group>/handler.ts). */
export async function loadFunctionHandler(group: FunctionGroup): Promise<LambdaHandler> {
  const module = (await import(`../functions/${group}/handler.ts`)) as { handler: LambdaHandler };
  return module.handler;
}

/**
 * The local stand-in for API Gateway: matches the request against the declared routes,
 * verifies the bearer token on protected routes as the JWT authorizer would, builds the
 * payload-2.0 event and calls the very handler module Lambda runs.
 */
export function createApiServer(options: {
  keys: LocalKeys;
  loadHandler?: (group: FunctionGroup) => Promise<LambdaHandler>;
  /** The website's /config.json; locally the API is on the same origin and tokens are pasted. */
  site?: Record<string, unknown>;
  /** The embedded mail catcher, whose messages /local/mail shows. */
  mailbox?: { messages(): readonly CaughtMail[] };
  /** The district the pages name (shared/site/site-config.ts); the defaults otherwise. */
  district?: SiteConfig;
  /** The materials store's signed links (local/material-files.ts), served before any body limit. */
  files?: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** Told of each answer once it went out, as a table stream would see its writes. */
  onAnswer?: (routeKey: string, status: number) => void;
}): Server {
  const load = options.loadHandler ?? loadFunctionHandler;
  const handlers = new Map<FunctionGroup, Promise<LambdaHandler>>();
  const handlerFor = (group: FunctionGroup) => {
    let handler = handlers.get(group);
    if (!handler) {
      handler = load(group);
      handlers.set(group, handler);
    }
    return handler;
  };

  const site = options.site ?? { apiBaseUrl: '', auth: { mode: 'local' } };
  const server = createServer((request, response) => {
    if (options.files?.(request, response)) return;
    if (serveStatic(request, response, site, options.district)) return;
    if (request.url?.split('?')[0] === MAIL_PAGE_PATH)
      return serveMailPage(request, response, options.mailbox);
    const answer =
      request.url?.split('?')[0] === SIGN_IN_PATH
        ? serveSignIn(request, options.keys, server.address()).then((signIn) =>
            signIn instanceof HttpProblem ? writeProblem(response, signIn) : writeSignIn(response, signIn),
          )
        : serve(request, response, options.keys, handlerFor, options.onAnswer);
    answer.catch((error: unknown) => {
      process.stderr.write(`local gateway error: ${error instanceof Error ? error.stack : String(error)}\n`);
      if (!response.headersSent)
        writeProblem(
          response,
          new HttpProblem(500, 'internal_error', { zh: '服务内部错误', en: 'internal error' }),
        );
      else response.end();
    });
  });
  return server;
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  keys: LocalKeys,
  handlerFor: (group: FunctionGroup) => Promise<LambdaHandler>,
  onAnswer?: (routeKey: string, status: number) => void,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  // As at the gateway, nothing of the body is read before the request may be served at all:
  // neither an anonymous caller nor a declared oversize body costs the server any memory.
  if (Number(request.headers['content-length'] ?? 0) > GATEWAY_MAX_BODY_BYTES) {
    return refuseUnread(response, TOO_LARGE);
  }
  const match = matchRoute(request.method ?? 'GET', url.pathname);
  let claims: Record<string, unknown> | undefined;
  if (match.kind === 'route' && match.route.access !== 'public') {
    const verified = await verifyBearer(request.headers.authorization, keys);
    if (verified instanceof HttpProblem) return refuseUnread(response, verified);
    claims = verified;
  }
  let body: Buffer;
  try {
    body = await readRequestBody(request);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return refuseUnread(response, TOO_LARGE);
  }
  const route = match.kind === 'route' ? match.route : undefined;
  const key = route ? routeKey(route) : DEFAULT_ROUTE_KEY;
  const group = route ? route.group : DEFAULT_ROUTE_GROUP;
  const event = apiGatewayEvent({
    request,
    url,
    body,
    routeKey: key,
    pathParameters: match.kind === 'route' ? decodeParameters(match.pathParameters) : undefined,
    claims,
  });
  const handler = await handlerFor(group);
  const result = await handler(event, lambdaContext(group, event.requestContext.requestId));
  const stream = (result as { stream?: AsyncIterable<string> }).stream;
  if (stream) await writeStreamed(response, result, stream);
  else writeResult(response, result);
  onAnswer?.(key, result.statusCode ?? 200);
}

function decodeParameters(raw: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    try {
      out[key] = decodeURIComponent(value);
    } catch {
      out[key] = value; // left as sent; the route's schema refuses it with a 400
    }
  }
  return out;
}

const TOO_LARGE = new HttpProblem(413, 'body_too_large', { zh: '请求体过大', en: 'request body too large' });

/** Answers without reading (the rest of) the body; the connection closes so none is left to read. */
function refuseUnread(response: ServerResponse, problem: HttpProblem): void {
  response.setHeader('connection', 'close');
  writeProblem(response, problem);
}

const UNAUTHORIZED = { zh: '需要有效的访问令牌', en: 'a valid bearer token is required' };

async function verifyBearer(
  header: string | undefined,
  keys: LocalKeys,
): Promise<Record<string, unknown> | HttpProblem> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!token)
    return new HttpProblem(401, 'unauthenticated', UNAUTHORIZED, {
      headers: { 'www-authenticate': 'Bearer' },
    });
  try {
    return await keys.verify(token);
  } catch {
    return new HttpProblem(401, 'invalid_token', UNAUTHORIZED, {
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    });
  }
}

function writeProblem(response: ServerResponse, problem: HttpProblem): void {
  response.writeHead(problem.status, { 'content-type': PROBLEM_CONTENT_TYPE, ...problem.headers });
  response.end(JSON.stringify(problemBody(problem, undefined)));
}

function writeResult(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(result.headers ?? {})) {
    if (value !== undefined) headers[key.toLowerCase()] = String(value);
  }
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  const body = result.body ?? '';
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

/**
 * An answer written as it is produced, as Lambda response streaming writes it: each chunk
 * goes out before the next is asked for, waiting while the client is slower (backpressure),
 * and a client gone stops the production. A failure after the head went out can only cut the
 * answer short; it is logged.
 */
async function writeStreamed(
  response: ServerResponse,
  result: APIGatewayProxyStructuredResultV2,
  stream: AsyncIterable<string>,
): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(result.headers ?? {})) {
    if (value !== undefined) headers[key.toLowerCase()] = String(value);
  }
  response.writeHead(result.statusCode ?? 200, headers);
  try {
    for await (const chunk of stream) {
      if (response.destroyed) return;
      if (!response.write(chunk))
        await new Promise<void>((resolve) => {
          response.once('drain', resolve);
          response.once('close', resolve);
        });
    }
    response.end();
  } catch (error) {
    process.stderr.write(
      `streamed answer cut short: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    response.destroy(error instanceof Error ? error : undefined);
  }
}

/** The local mail catcher's page: what the service sent, readable in a browser. */
export const MAIL_PAGE_PATH = '/local/mail';

/**
 * Mail holds addresses and names: the page answers only a request addressed to this machine
 * by a loopback name (as the quick sign-in does), and only when the embedded catcher runs.
 */
function serveMailPage(
  request: IncomingMessage,
  response: ServerResponse,
  mailbox: { messages(): readonly CaughtMail[] } | undefined,
): void {
  if (request.method !== 'GET' || !mailbox || !toLoopbackName(request.headers.host)) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('未找到');
    return;
  }
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  response.end(mailPage(mailbox.messages()));
}
