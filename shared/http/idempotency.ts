import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { personRef } from '../domain/workflows/party.ts';
import type { IdempotencyPort } from '../store/idempotency-repository.ts';
import { rawBody, requestHeader } from './body.ts';
import { logWarning } from './log.ts';
import type { Principal } from './principal.ts';
import { HttpProblem } from './problem.ts';

/** What an Idempotency-Key may be: declared once, for the check and the API document. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 128;
export const IDEMPOTENCY_KEY = new RegExp(`^[A-Za-z0-9_.:-]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}$`);

/** Refuses an Idempotency-Key that is present but not 1–128 letters, digits or `_ . : -`. */
export function refuseMalformedIdempotencyKey(key: string | undefined): void {
  if (key === undefined || IDEMPOTENCY_KEY.test(key)) return;
  throw new HttpProblem(
    400,
    'invalid_idempotency_key',
    {
      zh: 'Idempotency-Key 须为 1 至 128 个字母、数字或 _ . : -',
      en: 'Idempotency-Key must be 1–128 letters, digits or _ . : -',
    },
    { field: 'idempotency-key' },
  );
}

/**
 * Whose answers a key names: the agency, the entity or the person a token is bound to (a
 * person by the hash of their ID number), the admin by its subject. Every role has its own
 * branch, so a new role does not compile until it is given one.
 */
function scopeOf(principal: Principal | undefined): string {
  if (!principal) return 'anonymous';
  switch (principal.role) {
    case 'agency':
      return `agency:${principal.agency}`;
    case 'entity':
      return `entity:${principal.uscc}`;
    case 'person':
      return personRef(principal.idNumber);
    case 'admin':
      return `admin:${principal.subject}`;
  }
}

/**
 * `Idempotency-Key` on a POST: the first request with a key does the work; a retry with the
 * same key and the same request gets the first answer again (`Idempotent-Replayed: true`)
 * and changes nothing; the same key with another request is refused. Only successful
 * answers are kept; after a failure the key is released, so a retry does the work afresh.
 */
export async function withIdempotency(
  port: IdempotencyPort,
  event: APIGatewayProxyEventV2,
  principal: Principal | undefined,
  run: () => Promise<APIGatewayProxyStructuredResultV2>,
): Promise<APIGatewayProxyStructuredResultV2> {
  const key = requestHeader(event, 'idempotency-key');
  if (key === undefined) return run();
  refuseMalformedIdempotencyKey(key);
  const scope = scopeOf(principal);
  const fingerprint = fingerprintOf(event);
  const begun = await port.begin(scope, key, fingerprint);
  if (begun.state === 'done') {
    return { ...begun.response, headers: { ...begun.response.headers, 'idempotent-replayed': 'true' } };
  }
  if (begun.state === 'in-progress') {
    throw new HttpProblem(
      409,
      'idempotency_in_progress',
      {
        zh: '相同 Idempotency-Key 的请求正在处理中',
        en: 'a request with this Idempotency-Key is still being processed',
      },
      { field: 'idempotency-key', headers: { 'retry-after': '1' } },
    );
  }
  if (begun.state === 'mismatch') {
    throw new HttpProblem(
      422,
      'idempotency_key_reused',
      {
        zh: '此 Idempotency-Key 已用于另一个请求',
        en: 'this Idempotency-Key was used for a different request',
      },
      { field: 'idempotency-key' },
    );
  }
  const { claim } = begun;
  let result: APIGatewayProxyStructuredResultV2;
  try {
    result = await run();
  } catch (error) {
    await settle(() => port.abandon(scope, key, claim));
    throw error;
  }
  const status = result.statusCode ?? 200;
  if (status >= 200 && status < 300) {
    const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
    await settle(() =>
      port.complete(scope, key, claim, { statusCode: status, headers, body: result.body ?? '' }),
    );
  } else {
    await settle(() => port.abandon(scope, key, claim));
  }
  return result;
}

/**
 * What makes two requests the same: route, path, query (`?publish=true` changes what a POST
 * does) and body. Query parameters are taken in name order, so their order does not matter.
 */
function fingerprintOf(event: APIGatewayProxyEventV2): string {
  const query = Object.entries(event.queryStringParameters ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return createHash('sha256')
    .update(
      [
        event.routeKey,
        JSON.stringify(event.pathParameters ?? {}),
        JSON.stringify(query),
        rawBody(event),
      ].join('\n'),
    )
    .digest('hex');
}

/**
 * Keeps or releases the key, best effort. The work's own outcome is what the client must
 * hear: a write that happened is not reported as a failure because its replay copy could not
 * be stored, nor a refusal turned into a 503. A key left held is free again when its lease
 * runs out; until then a retry is told it is in progress.
 */
async function settle(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    logWarning('idempotency key not settled', { error: error instanceof Error ? error.name : String(error) });
  }
}
