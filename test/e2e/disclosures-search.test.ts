import type { RecordKind } from '../../shared/domain/records/vocabulary.ts';
import { describe, expect, it, type TestService } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { aCompany, allPages, anAgency, queryOf, recordOf } from '../support/record-mothers.ts';

const AG1 = anAgency();
const AG2 = anAgency();
const TENCENT = aCompany();
const LONG_NAME =
  '山东省济南市济阳区崔寨街道办事处东八里村股份经济合作社所属济南东八里农业科技发展有限责任公司第一分公司';

/** The published records this file searches, each decided on a day of its own. */
const DATA = {
  tencentLater: {
    kind: 'penalty',
    name: '深圳市腾讯计算机系统有限公司',
    uscc: TENCENT,
    date: '2026-11-10',
    agency: AG2,
  },
  tencentLicense: {
    kind: 'license',
    name: '腾讯科技（深圳）有限公司',
    uscc: aCompany(),
    date: '2026-10-20',
    agency: AG1,
  },
  tencentPenalty: {
    kind: 'penalty',
    name: '深圳市腾讯计算机系统有限公司',
    uscc: TENCENT,
    date: '2026-09-30',
    agency: AG1,
  },
  foodLicense: {
    kind: 'license',
    name: '济南市济阳区示例食品有限公司',
    uscc: aCompany(),
    date: '2026-08-15',
    agency: AG2,
  },
  tengda: {
    kind: 'penalty',
    name: '济阳区腾达商贸有限公司',
    uscc: aCompany(),
    date: '2026-07-01',
    agency: AG2,
  },
  abcReward: {
    kind: 'reward',
    name: '济阳ＡＢＣ软件有限公司',
    uscc: aCompany(),
    date: '2026-06-01',
    agency: AG1,
  },
  longName: { kind: 'confirmation', name: LONG_NAME, uscc: aCompany(), date: '2026-05-03', agency: AG2 },
} as const;
type Label = keyof typeof DATA;
const ids = {} as Record<Label, string>;

it.beforeAll(async ({ service, parties }) => {
  const tokens = {
    [AG1]: (await parties.agency(AG1)).token,
    [AG2]: (await parties.agency(AG2)).token,
  };
  await Promise.all(
    Object.entries(DATA).map(async ([label, d]) => {
      const input = recordOf(d.kind as RecordKind, {
        decisionDate: d.date,
        subject: { category: 'legal_person', name: d.name, uscc: d.uscc },
      });
      const body = { ...input, publish: true };
      const answer = await call(service.url, 'POST', '/v1/records', { token: tokens[d.agency], body });
      if (answer.status !== 201) throw new Error(`setup: ${answer.text}`);
      ids[label as Label] = answer.json.id;
    }),
  );
});

const search = (service: TestService, query: Record<string, string | number | undefined>) =>
  call(service.url, 'GET', `/v1/disclosures${queryOf(query)}`);
/** Labels of every record a search finds, following cursors, in the order answered. */
async function found(service: TestService, query: Record<string, string>, limit?: number): Promise<string[]> {
  const { items } = await allPages(service.url, `/v1/disclosures${queryOf(query)}`, limit ? { limit } : {});
  const labelOf = new Map(Object.entries(ids).map(([label, id]) => [id, label]));
  return items.map((r) => labelOf.get(r.id) ?? r.id);
}

const NEWEST_FIRST: Label[] = [
  'tencentLater',
  'tencentLicense',
  'tencentPenalty',
  'foodLicense',
  'tengda',
  'abcReward',
  'longName',
];

describe('GET /v1/disclosures', () => {
  it('lists every published record, newest decision first, when no filter is given', async ({ service }) => {
    expect(await found(service, {})).toEqual(NEWEST_FIRST);
  });

  it('finds 深圳市腾讯计算机系统有限公司 and 腾讯科技（深圳）有限公司 by 腾讯, and not 腾达', async ({
    service,
  }) => {
    expect(await found(service, { name: '腾讯' })).toEqual([
      'tencentLater',
      'tencentLicense',
      'tencentPenalty',
    ]);
  });

  it.for<[string, Record<string, string>, string[]]>([
    ['the USCC', { uscc: TENCENT }, ['tencentLater', 'tencentPenalty']],
    ['the agency', { agency: AG1 }, ['tencentLicense', 'tencentPenalty', 'abcReward']],
    ['the kind', { kind: 'license' }, ['tencentLicense', 'foodLicense']],
    ['a date range', { from: '2026-08-01', to: '2026-09-30' }, ['tencentPenalty', 'foodLicense']],
    ['a start date only', { from: '2026-10-01' }, ['tencentLater', 'tencentLicense']],
    ['an end date only, which is included', { to: '2026-06-01' }, ['abcReward', 'longName']],
    ['name and kind', { name: '腾讯', kind: 'penalty' }, ['tencentLater', 'tencentPenalty']],
    ['name and agency', { name: '腾讯', agency: AG2 }, ['tencentLater']],
    ['USCC and start date', { uscc: TENCENT, from: '2026-10-01' }, ['tencentLater']],
    [
      'kind and date range',
      { kind: 'penalty', from: '2026-07-01', to: '2026-10-01' },
      ['tencentPenalty', 'tengda'],
    ],
    ['a longer part of the name', { name: '计算机系统' }, ['tencentLater', 'tencentPenalty']],
    ['a part made only of common pieces', { name: '有限公司' }, NEWEST_FIRST.filter((l) => l !== 'longName')],
    ['half-width lower case for a full-width name', { name: 'abc软件' }, ['abcReward']],
    ['a full-width query', { name: 'ＡＢＣ' }, ['abcReward']],
    ['the head of a very long name', { name: '崔寨街道' }, ['longName']],
    ['the tail of a very long name', { name: '第一分公司' }, ['longName']],
  ])('finds by %s', async ([, query, expected], { service }) => {
    expect(await found(service, query as Record<string, string>)).toEqual(expected);
  });

  it('finds nothing for a name no record has', async ({ service }) => {
    const answer = await search(service, { name: '阿里巴巴' });

    expect(answer.status).toBe(200);
    expect(answer.json.items).toEqual([]);
    expect(answer.json.cursor).toBeUndefined();
  });

  it('answers with the public view of each record', async ({ service }) => {
    const answer = await search(service, { uscc: TENCENT, limit: 1 });

    expect(answer.json.items[0]).toMatchObject({
      id: ids.tencentLater,
      kind: 'penalty',
      kindLabel: '行政处罚',
      decisionDate: '2026-11-10',
      subject: { category: 'legal_person', name: '深圳市腾讯计算机系统有限公司', uscc: TENCENT },
      authority: { uscc: AG2 },
      version: 1,
      history: [],
    });
  });
});

describe('paging through public search results', () => {
  it.for([1, 2, 3])('visits every record once and in order with limit=%i', async (limit, { service }) => {
    const { items, pages } = await allPages(service.url, '/v1/disclosures', { limit });

    expect(items.map((r) => r.id)).toEqual(NEWEST_FIRST.map((l) => ids[l]));
    expect(pages.every((p) => p.json.items.length <= limit)).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(NEWEST_FIRST.length / limit));
  });

  it('pages through a name search one record at a time', async ({ service }) => {
    expect(await found(service, { name: '腾讯' }, 1)).toEqual([
      'tencentLater',
      'tencentLicense',
      'tencentPenalty',
    ]);
  });

  it('refuses a cursor replayed with other filters, and one never issued', async ({ service }) => {
    const first = await search(service, { name: '腾讯', limit: 1 });

    const replayed = await search(service, { name: '深圳', limit: 1, cursor: first.json.cursor });
    const forged = await search(service, { limit: 1, cursor: 'eyJxIjoiIiwicCI6e319' });

    expectProblem(replayed, 400, 'invalid_cursor', 'query.cursor');
    expectProblem(forged, 400, 'invalid_cursor', 'query.cursor');
  });
});

describe('a range reaching far beyond the years that can hold records', () => {
  it.for<[string, Record<string, string>]>([
    ['a far-future end', { to: '9999-12-31' }],
    ['a far-past start and a far-future end', { from: '1000-01-01', to: '9999-12-31' }],
    ['a far-future end with a kind', { kind: 'penalty', to: '9999-12-31' }],
  ])(
    'answers %s with the records at once, in one page and without a cursor',
    async ([, query], { service }) => {
      const started = performance.now();
      const answer = await search(service, { ...query, limit: 20 });
      const took = performance.now() - started;

      expect(answer.status).toBe(200);
      const expected = NEWEST_FIRST.filter((l) => !query.kind || DATA[l].kind === query.kind);
      expect(answer.json.items.map((r: { id: string }) => r.id)).toEqual(expected.map((l) => ids[l]));
      expect(answer.json.cursor).toBeUndefined();
      expect(took).toBeLessThan(2000);
    },
  );

  it('answers a range wholly in the future empty and without a cursor', async ({ service }) => {
    const answer = await search(service, { from: '9000-01-01', to: '9999-12-31' });

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ items: [], total: 0, totalCapped: false });
  });
});

describe('refused searches', () => {
  it('refuses a name of one character with name_too_short', async ({ service }) => {
    for (const name of ['腾', ' 腾 ']) {
      const answer = await search(service, { name });

      expectProblem(answer, 400, 'validation_failed', 'query.name');
      expect(answer.json.errors).toContainEqual(expect.objectContaining({ code: 'name_too_short' }));
    }
  });

  it.for<[string, Record<string, string | number>, string]>([
    ['from after to', { from: '2026-10-01', to: '2026-09-30' }, 'query.to'],
    ['limit 0', { limit: 0 }, 'query.limit'],
    ['limit 101', { limit: 101 }, 'query.limit'],
    ['an impossible date', { from: '2026-02-30' }, 'query.from'],
    ['a USCC with a wrong check character', { uscc: '91350100M000100Y44' }, 'query.uscc'],
    ['an unknown kind', { kind: 'permit' }, 'query.kind'],
    ['an unknown parameter', { idNumber: '11010519491231002X' }, 'query.idNumber'],
  ])('refuses %s with a 400 naming the parameter', async ([, query, field], { service }) => {
    expectProblem(await search(service, query), 400, 'validation_failed', field);
  });
});
