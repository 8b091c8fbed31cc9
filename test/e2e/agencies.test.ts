import { addDays } from '../../shared/domain/dates.ts';
import { describe, expect, it } from '../support/e2e.ts';
import { expectProblem } from '../support/http.ts';
import { anAgency, todayInShanghai } from '../support/record-mothers.ts';

const NAME = '济南市历下区市场监督管理局';

/*
 * The directory is named before any public answer is read: the disclosures and stats
 * functions keep the names a minute per warm instance (name-cache.ts).
 */
let recordId: string;

describe('the agency directory', () => {
  it.beforeAll(async ({ api, agency, entity, admin }) => {
    const put = await api.send('PUT', `/v1/agencies/${agency.uscc}`, {
      token: admin,
      body: { name: NAME, shortName: '历下市监局' },
    });
    expect(put.status).toBe(201);
    recordId = await api.publishedPenalty(agency, entity, 1);
  });

  it('lists a named agency with its version, sorted by code', async ({ api, agency }) => {
    const other = anAgency();
    const answer = await api.send('GET', '/v1/agencies');

    expect(answer.status).toBe(200);
    expect(answer.json.items).toContainEqual(
      expect.objectContaining({ uscc: agency.uscc, name: NAME, shortName: '历下市监局', version: 1 }),
    );
    const codes = answer.json.items.map((i: { uscc: string }) => i.uscc);
    expect(codes).toEqual([...codes].sort());
    expect(codes).not.toContain(other);
  });

  it('renames an agency with If-Match and answers 200 with the next ETag', async ({ api, admin }) => {
    const uscc = anAgency();
    const created = await api.send('PUT', `/v1/agencies/${uscc}`, { token: admin, body: { name: '甲局' } });
    const renamed = await api.send('PUT', `/v1/agencies/${uscc}`, {
      token: admin,
      body: { name: '乙市甲局' },
      headers: { 'if-match': created.headers.get('etag') ?? '' },
    });

    expect([created.status, created.headers.get('etag')]).toEqual([201, '"1"']);
    expect([renamed.status, renamed.headers.get('etag')]).toEqual([200, '"2"']);
    expect(renamed.json).toMatchObject({ uscc, name: '乙市甲局', version: 2 });
    expect(renamed.json.shortName).toBeUndefined();
  });

  it('refuses an update without If-Match or with a stale one, and changes nothing', async ({
    api,
    admin,
  }) => {
    const uscc = anAgency();
    await api.send('PUT', `/v1/agencies/${uscc}`, { token: admin, body: { name: '原名局' } });

    const missing = await api.send('PUT', `/v1/agencies/${uscc}`, { token: admin, body: { name: '新名局' } });
    const stale = await api.send('PUT', `/v1/agencies/${uscc}`, {
      token: admin,
      body: { name: '新名局' },
      headers: { 'if-match': '"0"' },
    });

    expectProblem(missing, 412, 'agency_if_match_required', 'if-match');
    expectProblem(stale, 412, 'agency_version_mismatch', 'if-match');
    const list = await api.send('GET', '/v1/agencies');
    expect(list.json.items).toContainEqual(expect.objectContaining({ uscc, name: '原名局', version: 1 }));
  });

  it.for([
    ['a one-character name', { name: '局' }, 'body.name'],
    ['a name with a line break', { name: '某市\n某局' }, 'body.name'],
    ['a name of 101 characters', { name: '局'.repeat(101) }, 'body.name'],
    ['no name', { shortName: '某局' }, 'body.name'],
    ['a short name with a zero-width space', { name: '某市某局', shortName: '某\u200b局' }, 'body.shortName'],
  ] as const)('refuses %s beside its field', async ([, body, field], { api, admin }) => {
    const answer = await api.send('PUT', `/v1/agencies/${anAgency()}`, { token: admin, body });

    expect(answer.status).toBe(400);
    expect(answer.json.errors).toContainEqual(expect.objectContaining({ field }));
  });

  it('refuses a code with a wrong check character in the path', async ({ api, admin }) => {
    const code = anAgency();
    const wrong = `${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`;
    const answer = await api.send('PUT', `/v1/agencies/${wrong}`, {
      token: admin,
      body: { name: '某市某局' },
    });

    expect(answer.status).toBe(400);
  });

  it('names the authority of a published record in its detail and in search results', async ({
    api,
    agency,
  }) => {
    const detail = await api.send('GET', `/v1/disclosures/${recordId}`);
    const search = await api.send('GET', `/v1/disclosures?agency=${agency.uscc}`);

    expect(detail.json.authority).toEqual({ uscc: agency.uscc, name: NAME });
    expect(search.json.items.length).toBeGreaterThan(0);
    for (const item of search.json.items) expect(item.authority).toEqual({ uscc: agency.uscc, name: NAME });
  });

  it('names the agency in the timeliness statistics, as JSON and as CSV', async ({ api, agency }) => {
    const path = `/v1/stats/timeliness?from=${addDays(todayInShanghai(), -40)}`;
    const json = await api.send('GET', path);
    const csv = await api.send('GET', path, { headers: { accept: 'text/csv' } });

    const row = json.json.agencies.find((a: { agency: string }) => a.agency === agency.uscc);
    expect(row?.authority).toEqual({ uscc: agency.uscc, name: NAME });
    const lines = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]?.split(',').slice(0, 2)).toEqual(['决定机关统一社会信用代码', '机关名称']);
    expect(lines.find((l) => l.startsWith(agency.uscc))?.split(',')[1]).toBe(NAME);
  });

  it('keeps an audit chain for each directory change that the verifier finds intact', async ({
    api,
    admin,
  }) => {
    const uscc = anAgency();
    const first = await api.send('PUT', `/v1/agencies/${uscc}`, { token: admin, body: { name: '审计局' } });
    await api.send('PUT', `/v1/agencies/${uscc}`, {
      token: admin,
      body: { name: '审计市审计局' },
      headers: { 'if-match': first.headers.get('etag') ?? '' },
    });

    const problems: unknown[] = [];
    let checked = 0;
    let cursor: string | undefined;
    do {
      const page = await api.send(
        'GET',
        `/v1/admin/audit/verify?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
        {
          token: admin,
        },
      );
      expect(page.status).toBe(200);
      problems.push(...page.json.problems);
      checked += page.json.checked;
      cursor = page.json.cursor;
    } while (cursor);

    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(3);
  });
});
