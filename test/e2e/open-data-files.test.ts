import { createHash } from 'node:crypto';
import { parseCsv } from '../../shared/domain/csv.ts';
import { shanghaiDate } from '../../shared/domain/dates.ts';
import { describe, expect, it } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { aPersonId, penaltyAgainst, penaltyAgainstPerson } from '../support/workflow-mothers.ts';

/*
 * The open-data files on a small register: NDJSON and CSV carry the same public records and
 * nothing else, cells that a spreadsheet would run are neutralised, and the daily snapshot is
 * named in the manifest with a SHA-256 that its downloaded bytes match.
 */
describe('open data files', () => {
  let shown: string[] = [];

  it.beforeAll(async ({ api, agency, entity }) => {
    const formula = await api.register(agency, {
      ...penaltyAgainst(entity.uscc),
      remarks: '=HYPERLINK("http://example.com","点此")',
    });
    shown = [formula, await api.publishedPenalty(agency, entity)];
    await api.register(agency, penaltyAgainstPerson(aPersonId()));
    await api.register(agency, penaltyAgainst(entity.uscc), false);
  });

  it('NDJSON and CSV list exactly the records in public view, with formula-safe cells', async ({
    service,
  }) => {
    const ndjson = await call(service.url, 'GET', '/v1/open-data/disclosures.ndjson');
    expect(ndjson.status).toBe(200);
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = ndjson.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((r) => r.id).sort()).toEqual([...shown].sort());
    expect(JSON.stringify(lines)).not.toContain('idNumber');

    const csv = await call(service.url, 'GET', '/v1/open-data/disclosures.csv');
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="disclosures-${shanghaiDate(new Date())}.csv"`,
    );
    const [, ...rows] = parseCsv(csv.text);
    expect(rows.map((r) => r[0]).sort()).toEqual([...shown].sort());
    expect(rows.map((r) => r.at(-1))).toContain('\'=HYPERLINK("http://example.com","点此")');
  });

  it('writes a daily snapshot once, named in the manifest with a SHA-256 its bytes match', async ({
    service,
  }) => {
    expect((await service.sweeps('open-data-snapshot')).actions).toEqual({ 'snapshot-written': 1 });
    expect((await service.sweeps('open-data-snapshot')).actions).toEqual({ 'snapshot-exists': 1 });

    const manifest = (await call(service.url, 'GET', '/v1/open-data/manifest')).json;
    const [snapshot, ...older] = manifest.snapshots;
    expect(older).toEqual([]);
    expect(snapshot).toMatchObject({ date: shanghaiDate(new Date()), rows: shown.length });

    const download = await fetch(`${service.url}${snapshot.url}`, { redirect: 'manual' });
    expect(download.status).toBe(302);
    expect(download.headers.get('x-content-sha256')).toBe(snapshot.sha256);
    const file = await fetch(download.headers.get('location') as string);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.length).toBe(snapshot.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(snapshot.sha256);
    const [, ...rows] = parseCsv(bytes.toString('utf8'));
    expect(rows.map((r) => r[0]).sort()).toEqual([...shown].sort());
  });

  it('a day without a snapshot is a 404', async ({ service }) => {
    expectProblem(
      await call(service.url, 'GET', '/v1/open-data/snapshots/2020-01-01'),
      404,
      'snapshot_not_found',
    );
  });
});
