import { officialYearBody } from '../support/calendar-builders.ts';
import { describe, expect, it, type TestService } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';

const get = (service: TestService, path: string) => call(service.url, 'GET', path);

describe('GET /v1/deadlines', () => {
  it('counts seven working days from 2026-09-30 past the National Day holiday to 2026-10-15', async ({
    service,
  }) => {
    const answer = await get(service, '/v1/deadlines?from=2026-09-30&workingDays=7');

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      from: '2026-09-30',
      workingDays: 7,
      due: '2026-10-15',
      dueAt: '2026-10-16T00:00:00+08:00',
      provisional: false,
    });
    expect(answer.json.skipped.map((d: { date: string }) => d.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
      '2026-10-11',
    ]);
    expect(answer.json.skipped[0]).toEqual({ date: '2026-10-01', reason: 'holiday', name: '国庆节' });
  });

  it('counts 7 working days from 2027-02-04 past the provisional Spring Festival and its made-up days', async ({
    service,
  }) => {
    // No 2027 notice is loaded: 除夕 to 初三 (2/5–2/8) are holidays, and 初一 and 初二 fall on
    // a weekend, so 2/9 and 2/10 are made up (全国年节及纪念日放假办法 第6条).
    const answer = await get(service, '/v1/deadlines?from=2027-02-04&workingDays=7');

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ due: '2027-02-19', provisional: true });
    expect(answer.json.skipped).toContainEqual({
      date: '2027-02-09',
      reason: 'holiday',
      name: '春节（补假）',
    });
    expect(answer.json.skipped).toContainEqual({
      date: '2027-02-10',
      reason: 'holiday',
      name: '春节（补假）',
    });
  });

  it('says a deadline that runs into a year without a notice is provisional', async ({ service }) => {
    const answer = await get(service, '/v1/deadlines?from=2029-12-24&workingDays=10');

    expect(answer.status).toBe(200);
    expect(answer.json.provisional).toBe(true);
    expect(answer.json.skipped).toContainEqual({ date: '2030-01-01', reason: 'holiday', name: '元旦' });
  });

  it.for<[string, string]>([
    ['workingDays=0', 'query.workingDays'],
    ['workingDays=61', 'query.workingDays'],
    ['workingDays=1.5', 'query.workingDays'],
    ['workingDays=abc', 'query.workingDays'],
    ['workingDays=-3', 'query.workingDays'],
    ['workingDays=', 'query.workingDays'],
  ])('refuses %s with a 400 naming the field', async ([bad, field], { service }) => {
    expectProblem(
      await get(service, `/v1/deadlines?from=2026-09-30&${bad}`),
      400,
      'validation_failed',
      field,
    );
  });

  it.for<[string, string]>([
    ['from=2026-02-30&workingDays=3', 'query.from'],
    ['from=2026-9-30&workingDays=3', 'query.from'],
    ['workingDays=3', 'query.from'],
    ['from=2026-09-30', 'query.workingDays'],
    ['from=2026-09-30&workingDays=3&extra=1', 'query.extra'],
  ])('refuses the query %s with a 400 naming %s', async ([query, field], { service }) => {
    expectProblem(await get(service, `/v1/deadlines?${query}`), 400, 'validation_failed', field);
  });

  it('refuses a start date outside the supported years', async ({ service }) => {
    expectProblem(
      await get(service, '/v1/deadlines?from=1999-05-04&workingDays=3'),
      400,
      'year_out_of_range',
      'query.from',
    );
  });
});

describe('GET /v1/calendar/{year}', () => {
  it('shows the 2026 notice shipped with the service, with its source', async ({ service }) => {
    const answer = await get(service, '/v1/calendar/2026');

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ year: 2026, status: 'official', provisional: false, origin: 'seed' });
    expect(answer.json.source.title).toContain('2026');
    expect(answer.json.workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(answer.json.holidays).toHaveLength(33);
  });

  it('shows a year without a notice as provisional, from the statutory rules', async ({ service }) => {
    const answer = await get(service, '/v1/calendar/2031');

    expect(answer.json).toMatchObject({
      year: 2031,
      status: 'provisional',
      provisional: true,
      origin: 'statutory-rules',
    });
    expect(answer.json.workdays).toEqual([]);
    expect(answer.json.holidays).toContainEqual({ date: '2031-05-02', name: '劳动节' });
  });

  it.for<[string, string]>([
    ['2003', 'year_out_of_range'],
    ['2100', 'year_out_of_range'],
    ['20x6', 'validation_failed'],
    ['202', 'validation_failed'],
  ])('refuses the year %s', async ([year, code], { service }) => {
    expectProblem(await get(service, `/v1/calendar/${year}`), 400, code);
  });
});

describe('PUT /v1/calendar/{year}', () => {
  const put = (
    service: TestService,
    year: number | string,
    body: unknown,
    token: string | null,
    headers = {},
  ) => call(service.url, 'PUT', `/v1/calendar/${year}`, { ...(token ? { token } : {}), body, headers });

  it('loads an official year for an admin, and deadlines use it at once', async ({ service, admin }) => {
    const before = await get(service, '/v1/deadlines?from=2027-12-24&workingDays=10');
    const body = officialYearBody(2028, {
      holidays: [{ date: '2028-01-03', name: '元旦' }],
      workdays: ['2028-01-08'],
    });

    const loaded = await put(service, 2028, body, admin);
    const after = await get(service, '/v1/deadlines?from=2027-12-24&workingDays=10');

    expect(loaded.status).toBe(201);
    expect(loaded.headers.get('etag')).toBe('"1"');
    expect(loaded.json).toMatchObject({ year: 2028, status: 'official', origin: 'loaded', version: 1 });
    expect(before.json.provisional).toBe(true);
    // 2027 is still provisional, so the answer stays provisional; the 2028 days now follow the load.
    expect(after.json.skipped).toContainEqual({ date: '2028-01-03', reason: 'holiday', name: '元旦' });
    expect(after.json.skipped).not.toContainEqual(expect.objectContaining({ date: '2028-01-08' }));
    expect((await get(service, '/v1/calendar/2028')).json).toMatchObject({ origin: 'loaded', version: 1 });
  });

  it('replaces a loaded year when If-Match names the current version, and refuses a stale one', async ({
    service,
    admin,
  }) => {
    await put(service, 2032, officialYearBody(2032), admin);

    const replaced = await put(service, 2032, officialYearBody(2032), admin, { 'if-match': '"1"' });
    const stale = await put(service, 2032, officialYearBody(2032), admin, { 'if-match': '"1"' });

    expect(replaced.status).toBe(200);
    expect(replaced.json.version).toBe(2);
    expectProblem(stale, 412, 'calendar_version_mismatch', 'if-match');
    expect((await get(service, '/v1/calendar/2032')).json.version).toBe(2);
  });

  it('answers 401 without a token and 403 with an entity token, and changes nothing', async ({
    service,
    entity,
  }) => {
    expectProblem(await put(service, 2033, officialYearBody(2033), null), 401, 'unauthenticated');
    expectProblem(await put(service, 2033, officialYearBody(2033), entity.token), 403, 'forbidden');
    expect((await get(service, '/v1/calendar/2033')).json.origin).toBe('statutory-rules');
  });

  it.for<[string, Record<string, unknown>, string, string]>([
    [
      'a date outside the year',
      { holidays: [{ date: '2033-12-31', name: 'x' }] },
      'date_outside_year',
      'body.holidays[0].date',
    ],
    [
      'an impossible date',
      { holidays: [{ date: '2034-02-30', name: 'x' }] },
      'validation_failed',
      'body.holidays[0].date',
    ],
    ['a day that is both', { workdays: ['2034-01-01'] }, 'date_listed_twice', 'body.workdays[0]'],
    ['a weekday as a working day', { workdays: ['2034-01-02'] }, 'workday_not_weekend', 'body.workdays[0]'],
    ['an unknown field', { extra: true }, 'validation_failed', 'body.extra'],
    ['a missing source', { source: undefined }, 'validation_failed', 'body.source'],
    ['a source as a bare string', { source: 'notice' }, 'validation_failed', 'body.source'],
    ['no holidays', { holidays: [] }, 'validation_failed', 'body.holidays'],
  ])('refuses %s with a 400 and changes nothing', async ([, override, code, field], { service, admin }) => {
    expectProblem(await put(service, 2034, officialYearBody(2034, override), admin), 400, code, field);
    expect((await get(service, '/v1/calendar/2034')).json.origin).toBe('statutory-rules');
  });

  it('refuses malformed JSON, a wrong media type, a missing body and a body over 1 MiB', async ({
    service,
    admin,
  }) => {
    expectProblem(await put(service, 2035, '{"holidays": [', admin), 400, 'malformed_json', 'body');
    expectProblem(
      await put(service, 2035, JSON.stringify(officialYearBody(2035)), admin, {
        'content-type': 'text/plain',
      }),
      415,
      'unsupported_media_type',
    );
    expectProblem(
      await call(service.url, 'PUT', '/v1/calendar/2035', { token: admin }),
      400,
      'body_required',
    );
    const huge = JSON.stringify(officialYearBody(2035, { source: { title: 'x'.repeat(1024 * 1024) } }));
    expectProblem(await put(service, 2035, huge, admin), 413, 'body_too_large');
    expect((await get(service, '/v1/calendar/2035')).json.origin).toBe('statutory-rules');
  });

  it('refuses an If-Match that is not an ETag', async ({ service, admin }) => {
    expectProblem(
      await put(service, 2036, officialYearBody(2036), admin, { 'if-match': 'yesterday' }),
      400,
      'invalid_if_match',
      'if-match',
    );
  });

  it('lets exactly one of eight concurrent first loads of a year win; the others get 409 or replace it in turn', async ({
    service,
    admin,
  }) => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => put(service, 2037, officialYearBody(2037), admin)),
    );

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409 || s === 200)).toBe(true);
    const final = (await get(service, '/v1/calendar/2037')).json;
    expect(final.version).toBe(1 + statuses.filter((s) => s === 200).length);
  });
});
