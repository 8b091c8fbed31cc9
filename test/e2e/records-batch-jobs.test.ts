import { MAX_BATCH_ROWS, SYNC_MAX_ROWS } from '../../shared/domain/records/batch.ts';
import { MAX_BODY_BYTES } from '../../shared/http/body.ts';
import { MAX_LISTED_ERRORS } from '../../shared/http/validation.ts';
import { describe, it as e2e, expect } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { jobDone } from '../support/jobs.ts';
import { penaltyInput } from '../support/record-builders.ts';
import { allPages, csvOf, penaltyCsvRow } from '../support/record-mothers.ts';

/*
 * Batch registration as jobs: a large upload is answered at once with a job to follow, the
 * worker registers every row once, and the job ends with the answer a synchronous batch gives.
 */

const it = e2e.extend(
  'newAgencyToken',
  { scope: 'file' },
  ({ parties }) =>
    async () =>
      (await parties.agency()).token,
);

/** `n` rows whose remarks fill the body up to the request limit: the largest upload there is. */
function fullRows(n: number): unknown[] {
  const bare = JSON.stringify(Array.from({ length: n }, () => penaltyInput({ remarks: '' })));
  const perRow = Math.floor((MAX_BODY_BYTES - Buffer.byteLength(bare) - 1024) / n / 3); // 3 UTF-8 bytes a character
  return Array.from({ length: n }, () => penaltyInput({ remarks: '备'.repeat(Math.min(perRow, 1000)) }));
}

const worklist = async (baseUrl: string, token: string) =>
  (await allPages(baseUrl, '/v1/agency/records?status=registered', { token })).items.map(
    (r) => r.id as string,
  );

describe('a batch larger than a request runs itself', () => {
  it('is answered 202 with the job to follow, which registers every row once and ends with every row answered', async ({
    service,
    newAgencyToken,
  }) => {
    const token = await newAgencyToken();
    const rows = fullRows(MAX_BATCH_ROWS);
    expect(Buffer.byteLength(JSON.stringify(rows))).toBeGreaterThan(MAX_BODY_BYTES * 0.9);

    const accepted = await call(service.url, 'POST', '/v1/records/batch', { token, body: rows });

    expect(accepted.status).toBe(202);
    expect(accepted.json).toMatchObject({ status: 'running', rows: MAX_BATCH_ROWS });
    expect(accepted.headers.get('location')).toBe(`/v1/jobs/${accepted.json.id}`);
    const done = (await jobDone(service.url, token, accepted.json.id)).json;
    expect(done).toMatchObject({
      status: 'done',
      rows: MAX_BATCH_ROWS,
      processed: MAX_BATCH_ROWS,
      summary: { rows: MAX_BATCH_ROWS, created: MAX_BATCH_ROWS, existing: 0, error: 0 },
    });
    expect(done.results.map((r: { row: number }) => r.row)).toEqual(rows.map((_, i) => i + 1));
    const ids = done.results.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(MAX_BATCH_ROWS);
    expect((await worklist(service.url, token)).sort()).toEqual([...ids].sort());

    // The same upload again: a new job, whose every row already exists.
    const again = await call(service.url, 'POST', '/v1/records/batch', { token, body: rows });
    expect(again.status).toBe(202);
    expect(again.json.id).not.toBe(accepted.json.id);
    const second = (await jobDone(service.url, token, again.json.id)).json;
    expect(second.summary).toEqual({ rows: MAX_BATCH_ROWS, created: 0, existing: MAX_BATCH_ROWS, error: 0 });
    expect(second.results.map((r: { id: string }) => r.id)).toEqual(ids);
    expect(await worklist(service.url, token)).toHaveLength(MAX_BATCH_ROWS);
  }, 240_000);

  it('reports refused rows of a CSV job by row and column', async ({ service, newAgencyToken }) => {
    const token = await newAgencyToken();
    const rows = Array.from({ length: SYNC_MAX_ROWS + 20 }, (_, i) =>
      penaltyCsvRow(i === 110 ? { 行政相对人类别: '外星人' } : {}),
    );

    const accepted = await call(service.url, 'POST', '/v1/records/batch', {
      token,
      body: csvOf(rows),
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });

    expect(accepted.status).toBe(202);
    const done = (await jobDone(service.url, token, accepted.json.id)).json;
    expect(done.summary).toEqual({ rows: 120, created: 119, existing: 0, error: 1 });
    expect(done.results[110]).toMatchObject({ row: 111, status: 'error', column: '行政相对人类别' });
  }, 120_000);

  it("shows a job only to its agency: another's is refused exactly as a job that does not exist", async ({
    service,
    agency,
    otherAgency,
  }) => {
    const rows = Array.from({ length: SYNC_MAX_ROWS + 1 }, () => penaltyInput());
    const { json } = await call(service.url, 'POST', '/v1/records/batch', {
      token: agency.token,
      body: rows,
    });
    await jobDone(service.url, agency.token, json.id);

    const theirs = await call(service.url, 'GET', `/v1/jobs/${json.id}`, { token: otherAgency.token });
    const missing = await call(service.url, 'GET', '/v1/jobs/job_0123456789abcdefghjkmnpqrs', {
      token: agency.token,
    });
    expectProblem(theirs, 403, 'job_not_accessible');
    expectProblem(missing, 403, 'job_not_accessible');
    expectProblem(
      await call(service.url, 'GET', '/v1/jobs/rec_0123456789abcdefghjkmnpqrs', { token: agency.token }),
      400,
      'validation_failed',
    );
  }, 120_000);

  it('still answers a small batch itself, with every row', async ({ service, newAgencyToken }) => {
    const token = await newAgencyToken();
    const answer = await call(service.url, 'POST', '/v1/records/batch', {
      token,
      body: [penaltyInput(), penaltyInput()],
    });
    expect(answer.status).toBe(200);
    expect(answer.json.summary).toEqual({ rows: 2, created: 2, existing: 0, error: 0 });
  });
});

describe('the query is part of what an Idempotency-Key names', () => {
  it('refuses the same key and body with another query, and leaves the first effect alone', async ({
    service,
    newAgencyToken,
  }) => {
    const token = await newAgencyToken();
    const body = [penaltyInput()];
    const headers = { 'idempotency-key': `query-${Date.now()}` };
    const first = await call(service.url, 'POST', '/v1/records/batch', { token, body, headers });
    expect(first.status).toBe(200);

    const replay = await call(service.url, 'POST', '/v1/records/batch', { token, body, headers });
    const other = await call(service.url, 'POST', '/v1/records/batch?publish=true', { token, body, headers });

    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expectProblem(other, 422, 'idempotency_key_reused', 'idempotency-key');
    const published = await allPages(service.url, '/v1/agency/records?status=published', { token });
    expect(published.items).toEqual([]);
  });
});

describe('query parameters nobody declared', () => {
  it('refuses ?__proto__ like any other unknown parameter', async ({ service, agency }) => {
    const answer = await call(service.url, 'GET', '/v1/agency/records?__proto__=1', { token: agency.token });
    expectProblem(answer, 400, 'validation_failed', 'query.__proto__');
    expectProblem(
      await call(service.url, 'GET', '/v1/disclosures?__proto__=1'),
      400,
      'validation_failed',
      'query.__proto__',
    );
  });

  it('answers 1,500 unknown parameters with a short list and a count of the rest', async ({ service }) => {
    const query = Array.from({ length: 1500 }, (_, i) => `k${i}=1`).join('&');
    const answer = await call(service.url, 'GET', `/v1/disclosures?${query}`);
    expectProblem(answer, 400, 'validation_failed');
    expect(answer.json.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(answer.json.details).toEqual({ errorsOmitted: 1500 - MAX_LISTED_ERRORS });
    expect(answer.text.length).toBeLessThan(query.length);
  });
});
