import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  EXCHANGE_FIELDS,
  type ExchangeFormat,
  fieldProblems,
  type UpstreamMessage,
} from '../shared/domain/sharing/exchange-format.ts';

/**
 * A stand-in for the city's credit platform, for tests and for `npm run upstream`: it takes
 * messages as docs/upstream.md describes, validates them against the exchange format's field
 * table, keeps what it holds per record (for the reconciliation) and answers with receipts —
 * one receipt per message id, however often the message comes. It can be told to fail:
 *
 * - `POST /control/faults` `{ "faults": [{ "status": 503 }, { "delayMs": 15000 }, { "refuse": "…", "field": "CF_WSH" }] }`
 *   queues faults for the next messages, one each (a delay answers late but still takes the
 *   message, as a slow platform does);
 * - `POST /control/random` `{ "rate": 0.3, "seed": 7 }` fails that share of messages at random
 *   with a 503, a 500, a dropped connection or a late answer;
 * - `GET /control/messages` lists the messages taken (`accepted`) and how many came (`received`);
 * - `POST /control/reset` forgets everything.
 */
export type Fault =
  | { readonly status: number }
  | { readonly delayMs: number }
  | { readonly refuse: string; readonly field?: string }
  | { readonly drop: true };

export interface TakenMessage {
  readonly receipt: string;
  readonly message: UpstreamMessage;
  readonly at: string;
}

export interface FakeUpstream {
  readonly url: string;
  readonly token: string;
  /** Messages taken, in order: one per message id. */
  accepted(): readonly TakenMessage[];
  /** Requests to POST /messages, including refused, failed and repeated ones. */
  received(): number;
  queueFaults(faults: readonly Fault[]): void;
  randomFaults(rate: number, seed?: number): void;
  /** What it holds: record id → digest. */
  holdings(): ReadonlyMap<string, string>;
  stop(): Promise<void>;
}

const FORMATS = Object.keys(EXCHANGE_FIELDS) as ExchangeFormat[];

/** A small deterministic generator (mulberry32), so a seeded run fails the same way again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

/** Why a message is refused, or undefined when it is well-formed. */
function refusal(m: UpstreamMessage): { reason: string; field?: string } | undefined {
  if (typeof m !== 'object' || m === null) return { reason: '消息不是 JSON 对象' };
  if (typeof m.messageId !== 'string' || typeof m.recordId !== 'string')
    return { reason: '缺少 messageId 或 recordId' };
  if (!FORMATS.includes(m.format)) return { reason: `未知的数据格式 ${String(m.format)}`, field: 'format' };
  if (m.operation === 'delete') {
    const wsh = `${m.format}_WSH`;
    return m.fields?.[wsh] ? undefined : { reason: `${wsh} 必填`, field: wsh };
  }
  if (m.operation !== 'upsert') return { reason: `未知的操作 ${String(m.operation)}`, field: 'operation' };
  const isPerson = m.fields?.[`${m.format}_XDR_LB`] === '自然人';
  const [first] = fieldProblems(m.format, m.fields ?? {}, isPerson);
  return first && { reason: `${first.field}：${first.problem}`, field: first.field };
}

export async function startFakeUpstream(
  options: { port?: number; token?: string } = {},
): Promise<FakeUpstream> {
  const token = options.token ?? 'local-upstream-token';
  const taken = new Map<string, TakenMessage>();
  const order: TakenMessage[] = [];
  const held = new Map<string, string>();
  let faults: Fault[] = [];
  let chaos: { rate: number; next: () => number } | undefined;
  let received = 0;
  let receipts = 0;

  const nextFault = (): Fault | undefined => {
    const queued = faults.shift();
    if (queued) return queued;
    if (!chaos || chaos.next() >= chaos.rate) return undefined;
    const pick = chaos.next();
    return pick < 0.4
      ? { status: 503 }
      : pick < 0.6
        ? { status: 500 }
        : pick < 0.8
          ? { drop: true }
          : { delayMs: 1500 };
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://upstream');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    const handle = async () => {
      if (url.pathname.startsWith('/control/')) {
        if (request.method === 'POST' && url.pathname === '/control/faults') {
          const body = (await readJson(request)) as { faults?: Fault[] };
          faults.push(...(body.faults ?? []));
          return send(200, { queued: faults.length });
        }
        if (request.method === 'POST' && url.pathname === '/control/random') {
          const body = (await readJson(request)) as { rate?: number; seed?: number };
          chaos = body.rate ? { rate: body.rate, next: random(body.seed ?? 1) } : undefined;
          return send(200, { rate: body.rate ?? 0 });
        }
        if (request.method === 'POST' && url.pathname === '/control/reset') {
          taken.clear();
          order.length = 0;
          held.clear();
          faults = [];
          chaos = undefined;
          received = 0;
          return send(200, {});
        }
        if (request.method === 'GET' && url.pathname === '/control/messages')
          return send(200, { received, accepted: order });
        return send(404, { reason: 'no such control' });
      }
      if (request.headers.authorization !== `Bearer ${token}`) return send(401, { reason: '令牌无效' });
      if (request.method === 'GET' && url.pathname === '/holdings') {
        const after = url.searchParams.get('after') ?? '';
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 500) || 500, 1000);
        const ids = [...held.keys()]
          .filter((id) => id > after)
          .sort()
          .slice(0, limit);
        return send(200, {
          items: ids.map((recordId) => ({ recordId, digest: held.get(recordId) })),
          ...(ids.length === limit ? { cursor: ids.at(-1) } : {}),
        });
      }
      if (request.method !== 'POST' || url.pathname !== '/messages')
        return send(404, { reason: 'not found' });
      received++;
      const message = (await readJson(request).catch(() => undefined)) as UpstreamMessage;
      const fault = nextFault();
      if (fault && 'status' in fault) return send(fault.status, { reason: 'unavailable' });
      if (fault && 'drop' in fault) return request.socket.destroy();
      const again = message && taken.get(message.messageId);
      if (again) return send(200, { receipt: again.receipt, duplicate: true });
      const refused =
        fault && 'refuse' in fault ? { reason: fault.refuse, field: fault.field } : refusal(message);
      if (refused) return send(422, refused);
      const entry: TakenMessage = {
        receipt: `RCPT-${String(++receipts).padStart(8, '0')}`,
        message,
        at: new Date().toISOString(),
      };
      taken.set(message.messageId, entry);
      order.push(entry);
      if (message.operation === 'upsert') held.set(message.recordId, message.digest);
      else held.delete(message.recordId);
      // A slow platform: the message is taken, the answer comes late (perhaps after the sender gave up).
      if (fault && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      return send(200, { receipt: entry.receipt });
    };
    handle().catch((error: unknown) => {
      if (!response.headersSent) send(400, { reason: `bad request: ${String(error)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    accepted: () => order,
    received: () => received,
    queueFaults: (more) => {
      faults.push(...more);
    },
    randomFaults: (rate, seed = 1) => {
      chaos = rate > 0 ? { rate, next: random(seed) } : undefined;
    },
    holdings: () => held,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
