import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

/** The most API Gateway takes in a request body (10 MiB); past it, it answers 413 itself. */
export const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super('request body larger than API Gateway accepts');
    this.name = 'BodyTooLargeError';
  }
}

export async function readRequestBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > GATEWAY_MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const TEXT_TYPES = /^(text\/|application\/(json|[\w.+-]+\+json|xml|x-www-form-urlencoded|javascript))/i;

/**
 * Values the way API Gateway hands them over: repeated headers and parameters comma-joined.
 * Built with Object.fromEntries, which makes every key an own property: an assignment
 * `out['__proto__'] = …` would set the prototype instead and the parameter would vanish,
 * where the gateway's JSON event keeps it for the schema to refuse.
 */
function joined(values: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).flatMap(([key, value]) =>
      value === undefined ? [] : [[key.toLowerCase(), Array.isArray(value) ? value.join(',') : value]],
    ),
  );
}

function queryParameters(search: URLSearchParams): Record<string, string> | undefined {
  const keys = [...new Set(search.keys())];
  return keys.length > 0
    ? Object.fromEntries(keys.map((key) => [key, search.getAll(key).join(',')]))
    : undefined;
}

/**
 * An API Gateway HTTP API (payload 2.0) event for a request, as the gateway would build it:
 * the route key, decoded path parameters, the verified token's claims as strings.
 */
export function apiGatewayEvent(input: {
  request: IncomingMessage;
  url: URL;
  body: Buffer;
  routeKey: string;
  pathParameters?: Record<string, string> | undefined;
  claims?: Record<string, unknown> | undefined;
}): APIGatewayProxyEventV2 {
  const { request, url, body } = input;
  const headers = joined(request.headers);
  const contentType = headers['content-type'] ?? '';
  // As the gateway does: text types (text/*, JSON, XML, JavaScript) as a string, others
  // base64. What it makes of a text body that is not UTF-8 (a GB18030 CSV) is not documented;
  // here it is base64-encoded, since a string would lose its bytes. Should the gateway replace
  // them instead, the import finds U+FFFD and refuses the file (csv_encoding): no mojibake.
  const isText = body.byteLength === 0 || (TEXT_TYPES.test(contentType) && isUtf8(body));
  const now = new Date();
  const cookies = headers.cookie?.split(';').map((c) => c.trim());
  const claims = input.claims
    ? Object.fromEntries(
        Object.entries(input.claims).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      )
    : undefined;
  const event = {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies ? { cookies } : {}),
    headers,
    ...(queryParameters(url.searchParams)
      ? { queryStringParameters: queryParameters(url.searchParams) }
      : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: input.routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
    },
    ...(body.byteLength > 0 ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !isText,
  };
  return event as unknown as APIGatewayProxyEventV2;
}

export function lambdaContext(functionName: string, requestId: string, timeoutMs = 29_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
