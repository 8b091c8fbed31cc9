import type { UpstreamMessage } from '../domain/sharing/exchange-format.ts';
import type { UpstreamAnswer, UpstreamHolding, UpstreamPort } from '../domain/sharing/upstream.ts';

/**
 * The upstream platform over HTTPS, as docs/upstream.md describes the contract:
 *
 * - `POST {url}/messages` with the message as JSON, `Authorization: Bearer <token>` and
 *   `Idempotency-Key: <messageId>`: 200 `{ receipt }` when taken (the same receipt for the same
 *   id, however often it comes), 422 `{ reason, field }` when the record is refused as invalid;
 * - `GET {url}/holdings?after=<cursor>&limit=` → `{ items: [{ recordId, digest }], cursor }`:
 *   what the platform holds of this sender's records, for the reconciliation.
 *
 * Anything else (5xx, 429, a timeout, a refused connection, a bad token) is a passing fault:
 * it is thrown, and the push is tried again after its backoff.
 */
export class UpstreamUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpstreamUnavailableError';
  }
}

export interface HttpUpstreamOptions {
  readonly url: string;
  /** The bearer token, read when needed (Secrets Manager on AWS, the environment locally). */
  readonly token: () => Promise<string>;
  /** One request's limit; the push lease (PUSH_LEASE_MS) is longer. */
  readonly timeoutMs?: number;
}

export const UPSTREAM_TIMEOUT_MS = 10_000;
const HOLDINGS_PAGE = 500;

export function httpUpstream({
  url,
  token,
  timeoutMs = UPSTREAM_TIMEOUT_MS,
}: HttpUpstreamOptions): UpstreamPort {
  const base = url.replace(/\/+$/, '');
  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = { authorization: `Bearer ${await token()}`, ...(init.headers as Record<string, string>) };
    try {
      return await fetch(`${base}${path}`, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new UpstreamUnavailableError(`no answer from the upstream (${cause})`);
    }
  }
  return {
    async send(message: UpstreamMessage): Promise<UpstreamAnswer> {
      const response = await request('/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': message.messageId },
        body: JSON.stringify(message),
      });
      const body = (await response.json().catch(() => ({}))) as {
        receipt?: unknown;
        reason?: unknown;
        field?: unknown;
      };
      if (response.ok && typeof body.receipt === 'string')
        return { outcome: 'accepted', receipt: body.receipt };
      if (response.status === 422 && typeof body.reason === 'string')
        return {
          outcome: 'refused',
          reason: body.reason.slice(0, 500),
          field: typeof body.field === 'string' ? body.field.slice(0, 64) : undefined,
        };
      throw new UpstreamUnavailableError(`the upstream answered ${response.status}`);
    },

    async *holdings(): AsyncIterable<readonly UpstreamHolding[]> {
      let cursor = '';
      for (;;) {
        const response = await request(
          `/holdings?limit=${HOLDINGS_PAGE}${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`,
        );
        if (!response.ok)
          throw new UpstreamUnavailableError(`the upstream answered ${response.status} to holdings`);
        const page = (await response.json()) as { items: UpstreamHolding[]; cursor?: string };
        yield page.items.map(({ recordId, digest }) => ({ recordId, digest }));
        if (!page.cursor || page.items.length === 0) return;
        cursor = page.cursor;
      }
    },
  };
}
