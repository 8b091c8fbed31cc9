import { addDays } from '../../shared/domain/dates.ts';
import { describe, expect, it } from '../support/e2e.ts';
import { penaltyInput } from '../support/record-builders.ts';
import { todayInShanghai } from '../support/record-mothers.ts';

/*
 * The timeliness CSV a journalist downloads: a row per agency and month of decision, the
 * agency by name, with its on-time rate, summing to the JSON's totals.
 */

const today = todayInShanghai();
const past = addDays(today, -70).slice(0, 7);

describe('the timeliness CSV', () => {
  it('has a row per agency and month, named, with the on-time rate', async ({ api, admin, agency }) => {
    await api.send('PUT', `/v1/agencies/${agency.uscc}`, {
      token: admin,
      body: { name: '济阳区统计测试局' },
    });
    // Two months: one on time and one published late in the past month; one on time this month.
    await api.register(agency, penaltyInput({ decisionDate: `${past}-05` }), true);
    await api.register(agency, penaltyInput({ decisionDate: `${past}-06` }), true);
    await api.register(agency, penaltyInput({ decisionDate: today }), true);

    const csv = await api.send('GET', `/v1/stats/timeliness?from=${past}-01&to=${today}`, {
      headers: { accept: 'text/csv' },
    });
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const mine = lines.filter((l) => l.startsWith(agency.uscc)).map((l) => l.split(','));

    expect(lines[0]?.split(',')).toEqual([
      '决定机关统一社会信用代码',
      '机关名称',
      '决定月份',
      '登记数',
      '按时公示',
      '逾期公示',
      '逾期未公示',
      '期限内未公示',
      '按时公示率',
      '公示用时中位数（工作日）',
    ]);
    expect(mine.map((row) => row.slice(0, 9))).toEqual([
      [agency.uscc, '济阳区统计测试局', past, '2', '0', '2', '0', '0', '0.0%'],
      [agency.uscc, '济阳区统计测试局', today.slice(0, 7), '1', '1', '0', '0', '0', '100.0%'],
    ]);
  });
});
