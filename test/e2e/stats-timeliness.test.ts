import { addDays } from '../../shared/domain/dates.ts';
import { endOfMonth } from '../../shared/domain/stats/period.ts';
import { timelinessByAgency } from '../../shared/domain/stats/timeliness.ts';
import { statsRepository } from '../../shared/store/stats-repository.ts';
import { describe, expect, it } from '../support/e2e.ts';
import { penaltyInput } from '../support/record-builders.ts';
import { todayInShanghai } from '../support/record-mothers.ts';
import { LONG_AGO, revocationBody, UPHOLD_WITH_REVOKE } from '../support/workflow-mothers.ts';

const today = todayInShanghai();
/** A month two months back: its decisions are long past their deadlines. */
const past = addDays(today, -60).slice(0, 7);
const monthStart = (date: string) => `${date.slice(0, 7)}-01`;

describe('GET /v1/stats/timeliness', () => {
  it.beforeAll(async ({ api, agency, otherAgency }) => {
    const register = async (who: typeof agency, decisionDate: string, publish: boolean) =>
      api.register(who, penaltyInput({ decisionDate }), publish);
    // On time, pending, overdue and unpublished (hidden), published late, revoked.
    await register(agency, addDays(today, -1), true);
    await register(agency, today, false);
    await register(agency, `${past}-10`, false);
    await register(agency, `${past}-12`, true);
    const revoked = await register(agency, `${past}-14`, true);
    const answer = await api.send('POST', `/v1/records/${revoked}/revocations`, {
      token: agency.token,
      body: revocationBody(),
    });
    expect(answer.status).toBe(200);
    await register(otherAgency, today, true);
  });

  it('answers what counting every record of the period answers', async ({ api, store }) => {
    const answer = await api.send('GET', `/v1/stats/timeliness?from=${past}-01&to=${today}`);

    expect(answer.status).toBe(200);
    const period = { from: `${past}-01`, to: endOfMonth(today) };
    expect(answer.json).toMatchObject(period);
    const everyRecord = await statsRepository(store).figures(period.from, period.to);
    // Rows carry the deciding body as `authority` too; these agencies are not in the directory.
    expect(answer.json.agencies).toEqual(
      timelinessByAgency(everyRecord, new Date(answer.json.asOf)).map((row) => ({
        ...row,
        authority: { uscc: row.agency },
      })),
    );
    expect(answer.json.agencies).toHaveLength(2);
    expect(answer.json.agencies.map((a: { registered: number }) => a.registered).sort()).toEqual([1, 4]);
  });

  it('lets browsers and CDNs keep an answer a minute, and serves a burst from one read', async ({ api }) => {
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => api.send('GET', `/v1/stats/timeliness?from=${monthStart(today)}`)),
    );
    const csv = await api.send('GET', `/v1/stats/timeliness?from=${monthStart(today)}`, {
      headers: { accept: 'text/csv' },
    });

    for (const answer of [...burst, csv]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('public, max-age=60');
      expect(answer.headers.get('vary')?.toLowerCase()).toContain('accept');
    }
    // One read for all: the same instant of figures in every answer.
    expect(new Set(burst.map((a) => a.json.asOf)).size).toBe(1);
  });

  it('counts whole months, so that ranges of single days cannot tell on which day a hidden record was decided', async ({
    api,
  }) => {
    // The agency's record of the 10th of that month is registered and unpublished: not public.
    const days = await Promise.all(
      ['09', '10', '11'].map((day) =>
        api.send('GET', `/v1/stats/timeliness?from=${past}-${day}&to=${past}-${day}`),
      ),
    );

    for (const answer of days) {
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ from: `${past}-01`, to: endOfMonth(`${past}-01`) });
      expect(answer.json.agencies).toEqual(days[0]?.json.agencies);
    }
    expect(days[0]?.json.agencies).toEqual([
      expect.objectContaining({ registered: 2, unpublishedOverdue: 1, publishedLate: 1 }),
    ]);
  });

  it('still refuses a period over 36 months, counted in whole months, and is not cached then', async ({
    api,
  }) => {
    const answer = await api.send('GET', '/v1/stats/timeliness?from=2023-12-31&to=2026-12-01');

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'range_too_long', field: 'query.from' });
    expect(answer.headers.get('cache-control')).not.toBe('public, max-age=60');
  });

  // Objection and repair decisions change records through the workflow repository, which
  // writes the counters in its own transaction, as the record repository does.
  it('counts a record revoked on an upheld objection no more', async ({ api, store, agency, entity }) => {
    const recordId = await api.publishedPenalty(agency, entity, LONG_AGO);
    const objection = await api.objected(entity, recordId);
    const decided = await api.decideObjection(agency.token, objection, UPHOLD_WITH_REVOKE);
    expect(decided.status).toBe(200);
    const month = addDays(today, -LONG_AGO).slice(0, 7);

    const answer = await api.send('GET', `/v1/stats/timeliness?from=${month}-01&to=${month}-01`);

    const everyRecord = await statsRepository(store).figures(`${month}-01`, endOfMonth(`${month}-01`));
    // Rows carry the deciding body as `authority` too; these agencies are not in the directory.
    expect(answer.json.agencies).toEqual(
      timelinessByAgency(everyRecord, new Date(answer.json.asOf)).map((row) => ({
        ...row,
        authority: { uscc: row.agency },
      })),
    );
  });
});
