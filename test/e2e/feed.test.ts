import { describe, expect, it } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import { penaltyAgainst, revocationBody } from '../support/workflow-mothers.ts';

/*
 * The public change feed: 500 changes made by 8 clients at once come out numbered 1…500 in
 * the order they were committed, and a reader resuming from any cursor in pages of 7 sees
 * each change exactly once — also a reader that was reading while the changes were made.
 */

const CLIENTS = 8;
const CHANGES = 500;
const PAGE = 7;

interface Made {
  readonly recordId: string;
  readonly change: 'published' | 'corrected' | 'revoked';
}

interface Entry {
  seq: number;
  cursor: string;
  change: string;
  id: string;
  current: string;
}

async function readFrom(url: string, after: number, until: number): Promise<Entry[]> {
  const out: Entry[] = [];
  let cursor = String(after);
  for (;;) {
    const answer = await call(url, 'GET', `/v1/feed?after=${cursor}&limit=${PAGE}`);
    expect(answer.status).toBe(200);
    const items = answer.json.items as Entry[];
    expect(items.length).toBeLessThanOrEqual(PAGE);
    out.push(...items);
    if (items.length > 0) expect(answer.json.cursor).toBe(items.at(-1)?.cursor);
    else expect(answer.json.cursor).toBe(cursor);
    cursor = answer.json.cursor;
    if (out.length === 0 ? Number(cursor) >= until : (out.at(-1)?.seq ?? 0) >= until) return out;
    if (items.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the public change feed under 8 concurrent clients', () => {
  const made: Made[][] = [];
  let whileWriting: Entry[] = [];

  it.beforeAll(async ({ service, parties, entity }) => {
    const agencies = await Promise.all(Array.from({ length: CLIENTS }, () => parties.agency()));
    const quota = (i: number) => Math.floor(CHANGES / CLIENTS) + (i < CHANGES % CLIENTS ? 1 : 0);
    const reader = readFrom(service.url, 0, CHANGES);
    await Promise.all(
      agencies.map(async (agency, i) => {
        const mine: Made[] = [];
        made[i] = mine;
        const post = (path: string, body: unknown) =>
          call(service.url, 'POST', path, { token: agency.token, body });
        let recordId = '';
        while (mine.length < quota(i)) {
          // Each record goes published → corrected → revoked, one request after the other.
          const step = mine.length % 3;
          if (step === 0) {
            const answer = await post('/v1/records', { ...penaltyAgainst(entity.uscc), publish: true });
            expect(answer.status, answer.text).toBe(201);
            recordId = answer.json.id;
            mine.push({ recordId, change: 'published' });
          } else if (step === 1) {
            const answer = await post(`/v1/records/${recordId}/corrections`, {
              reason: '罚款金额登记错误',
              changes: { penalty: { fineAmount: 3 + mine.length } },
            });
            expect(answer.status).toBe(200);
            mine.push({ recordId, change: 'corrected' });
          } else {
            const answer = await post(`/v1/records/${recordId}/revocations`, revocationBody());
            expect(answer.status).toBe(200);
            mine.push({ recordId, change: 'revoked' });
          }
        }
      }),
    );
    whileWriting = await reader;
  }, 300_000);

  it('numbers every change once, 1 to 500 with no gap, each client’s in the order it made them', async ({
    service,
  }) => {
    const all = await readFrom(service.url, 0, CHANGES);
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: CHANGES }, (_, i) => i + 1));
    const next = await call(service.url, 'GET', `/v1/feed?after=${CHANGES}&limit=${PAGE}`);
    expect(next.json).toEqual({ items: [], cursor: String(CHANGES) });
    for (const mine of made) {
      const ids = new Set(mine.map((m) => m.recordId));
      const seen = all.filter((e) => ids.has(e.id)).map((e) => ({ recordId: e.id, change: e.change }));
      expect(seen).toEqual(mine);
    }
    // Every record ended revoked or is still corrected: the feed tells what it is now.
    const last = new Map(made.flat().map((m) => [m.recordId, m.change]));
    for (const e of all) expect(e.current).toBe(last.get(e.id) === 'revoked' ? 'revoked' : 'shown');
  });

  it('a reader resuming from any cursor reads exactly the rest, in pages of 7', async ({ service }) => {
    const starts = [0, 1, 6, 7, 8, 250, 493, 498, 499, ...Array.from({ length: 6 }, (_, i) => 37 * i + 11)];
    for (const start of starts) {
      const rest = await readFrom(service.url, start, CHANGES);
      expect(rest.map((e) => e.seq)).toEqual(
        Array.from({ length: CHANGES - start }, (_, i) => start + i + 1),
      );
    }
  });

  it('a reader that read while the changes were being made saw each exactly once, in order', async () => {
    expect(whileWriting.map((e) => e.seq)).toEqual(Array.from({ length: CHANGES }, (_, i) => i + 1));
  });

  it('offers the newest changes as Atom, newest first', async ({ service }) => {
    const answer = await call(service.url, 'GET', '/v1/feed.atom');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/atom+xml');
    const ids = [...answer.text.matchAll(/<id>urn:disclosure-feed:(\d+)<\/id>/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => CHANGES - i));
    expect(answer.text).toContain('<category term="revoked" label="信息撤销"/>');
  });
});
