import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A fault-injecting HTTP proxy on loopback between the service and DynamoDB Local. It forwards
 * every request unchanged and, when a rule matches, fails it the way DynamoDB or the network
 * can: a 500, throttling, a response that never comes, or — the nastiest — a request that
 * DynamoDB carries out whose answer is then lost or garbled, so the caller sees an error
 * although the write happened.
 */

/**
 * - `error`: 500 InternalServerError, nothing forwarded;
 * - `throttle`: 400 ProvisionedThroughputExceededException (or ThrottlingException), nothing forwarded;
 * - `timeout`: nothing forwarded and no answer, until the client gives up;
 * - `lost`: forwarded and carried out, then the connection is cut before the answer;
 * - `garbled`: forwarded and carried out, then the answer arrives truncated.
 */
export type FaultKind = 'error' | 'throttle' | 'timeout' | 'lost' | 'garbled';

export const FAULT_KINDS: readonly FaultKind[] = ['error', 'throttle', 'timeout', 'lost', 'garbled'];

export interface FaultRule {
  /** The operation, as X-Amz-Target names it after the dot (`TransactWriteItems`), or `*`. */
  readonly operation: string;
  /** A fault, or `slow`: forwarded intact, `delayMs` late (a slow DynamoDB; not counted as a fault). */
  readonly kind: FaultKind | 'slow';
  readonly delayMs?: number;
  /** The first call to fail, counted from 1 among the matching calls since the rule was added. */
  readonly nth?: number;
  /** How many matching calls to fail from the nth on (default 1; Infinity: every one). */
  readonly times?: number;
  /** Instead of a count: every matching call from the nth on, for this long after the rule was added. */
  readonly forMs?: number;
  /** Which throttling error a `throttle` answers (default ProvisionedThroughputExceededException). */
  readonly throttle?: 'ProvisionedThroughputExceededException' | 'ThrottlingException';
}

export interface LoggedCall {
  readonly operation: string;
  /** The fault injected into this call, if any. */
  readonly fault?: FaultKind;
  /** DynamoDB's status for forwarded calls (also `lost` and `garbled` ones, which it carried out). */
  readonly status?: number;
}

export interface InjectedRule {
  /** How many calls this rule has failed so far. */
  fired(): number;
}

export interface FaultProxy {
  readonly url: string;
  /** Adds a rule; calls are counted for it from now on. */
  inject(rule: FaultRule): InjectedRule;
  /** Removes every rule. */
  clear(): void;
  /** The calls seen since the last `takeLog` (or the start), in arrival order; empties the log. */
  takeLog(): LoggedCall[];
  /** Every fault injected since the proxy started, by kind. */
  readonly injected: Readonly<Record<FaultKind, number>>;
  stop(): Promise<void>;
}

const JSON_TYPE = 'application/x-amz-json-1.0';
const DYNAMODB = 'com.amazonaws.dynamodb.v20120810';

interface ActiveRule {
  readonly rule: FaultRule;
  readonly addedAt: number;
  seen: number;
  fired: number;
}

function operationOf(req: IncomingMessage): string {
  const target = req.headers['x-amz-target'];
  const value = Array.isArray(target) ? target[0] : target;
  return value?.split('.').pop() ?? 'unknown';
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** DynamoDB's JSON error shape, with its status and x-amzn-ErrorType header. */
function answerError(res: ServerResponse, status: number, type: string, message: string): void {
  const shortName = type.split('#').pop() ?? type;
  const body = JSON.stringify({ __type: type, message });
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': Buffer.byteLength(body),
    'x-amzn-errortype': `${shortName}:`,
    'x-amzn-requestid': `fault-${Date.now()}`,
  });
  res.end(body);
}

/** Starts the proxy in front of `target` (e.g. the global DynamoDB Local) on a free loopback port. */
export async function startFaultProxy(
  target: string,
  options: { holdMs?: number } = {},
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const holdMs = options.holdMs ?? 15_000;
  let rules: ActiveRule[] = [];
  let log: LoggedCall[] = [];
  const injected: Record<FaultKind, number> = { error: 0, throttle: 0, timeout: 0, lost: 0, garbled: 0 };
  const held = new Set<ServerResponse>();

  /** The rule that fails this call, if any; every matching rule counts the call. */
  function match(operation: string): FaultRule | undefined {
    let chosen: ActiveRule | undefined;
    for (const active of rules) {
      const { rule } = active;
      if (rule.operation !== '*' && rule.operation !== operation) continue;
      active.seen++;
      const first = rule.nth ?? 1;
      const inWindow =
        rule.forMs !== undefined
          ? Date.now() - active.addedAt <= rule.forMs
          : active.fired < (rule.times ?? 1);
      if (!chosen && active.seen >= first && inWindow) chosen = active;
    }
    if (!chosen) return undefined;
    chosen.fired++;
    if (chosen.rule.kind !== 'slow') injected[chosen.rule.kind]++;
    return chosen.rule;
  }

  function forward(
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const out = request(
        {
          protocol: upstream.protocol,
          hostname: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
          agent,
        },
        (answer) => {
          readBody(answer).then(
            (data) => resolve({ status: answer.statusCode ?? 500, headers: answer.headers, body: data }),
            reject,
          );
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  }

  const server = createServer((req, res) => {
    const operation = operationOf(req);
    void readBody(req)
      .then(async (body) => {
        const rule = match(operation);
        const kind = rule?.kind;
        switch (kind) {
          case 'error':
            log.push({ operation, fault: kind });
            return answerError(res, 500, `${DYNAMODB}#InternalServerError`, 'injected internal server error');
          case 'throttle': {
            log.push({ operation, fault: kind });
            const name = rule?.throttle ?? 'ProvisionedThroughputExceededException';
            const type =
              name === 'ThrottlingException'
                ? 'com.amazon.coral.availability#ThrottlingException'
                : `${DYNAMODB}#${name}`;
            return answerError(
              res,
              400,
              type,
              'injected: the rate of requests exceeds the allowed throughput',
            );
          }
          case 'timeout': {
            log.push({ operation, fault: kind });
            // No answer: the client's own timeout must end the wait.
            held.add(res);
            const timer = setTimeout(() => res.socket?.destroy(), holdMs);
            res.on('close', () => {
              clearTimeout(timer);
              held.delete(res);
            });
            return;
          }
          case 'slow':
            await new Promise((resolve) => setTimeout(resolve, rule?.delayMs ?? 100));
            break;
          default:
            break;
        }
        const answer = await forward(req, body);
        log.push({ operation, status: answer.status, ...(kind && kind !== 'slow' ? { fault: kind } : {}) });
        if (kind === 'lost') {
          // DynamoDB did it; the caller never hears so.
          res.socket?.destroy();
          return;
        }
        const headers = { ...answer.headers };
        delete headers['content-length'];
        delete headers['transfer-encoding'];
        delete headers.connection;
        const sent =
          kind === 'garbled' ? answer.body.subarray(0, Math.floor(answer.body.length / 2)) : answer.body;
        res.writeHead(answer.status, { ...headers, 'content-length': sent.length });
        res.end(sent);
      })
      .catch((error: unknown) => {
        log.push({ operation, status: 502 });
        if (!res.headersSent)
          answerError(res, 500, `${DYNAMODB}#InternalServerError`, `proxy: ${String(error)}`);
        else res.socket?.destroy();
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    inject(rule) {
      const active: ActiveRule = { rule, addedAt: Date.now(), seen: 0, fired: 0 };
      rules.push(active);
      return { fired: () => active.fired };
    },
    clear() {
      rules = [];
    },
    takeLog() {
      const taken = log;
      log = [];
      return taken;
    },
    injected,
    async stop() {
      for (const res of held) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
