import { describe, expect, it } from 'vitest';
import { assembleReport, type ReportSources } from '../../../shared/domain/reports/content.ts';
import { reportHtml, reportSections } from '../../../shared/domain/reports/html.ts';
import { reportNumber } from '../../../shared/domain/reports/use-cases.ts';
import { REPORT_NUMBER_PATTERN } from '../../../shared/domain/reports/vocabulary.ts';
import { reportPdf } from '../../../shared/reports/pdf.ts';
import { COMPANY, licenseInput, penaltyInput } from '../../support/record-builders.ts';
import { aDisclosureRecord, simplifiedPenalty } from '../../support/record-mothers.ts';

/*
 * What a credit report says and how it is drawn, as plain functions: each scope picks its
 * records, personal data stays masked, the HTML escapes what it quotes, the number has its
 * one form, and the same content always gives the same PDF bytes (so its hash holds).
 */

const AT = new Date('2026-12-05T04:00:00Z');
const shown = aDisclosureRecord(penaltyInput({ documentNumber: '济市监罚〔2026〕1号' }), {
  id: 'rec_0000000000000000000000001a',
});
const licence = aDisclosureRecord(
  licenseInput({
    subject: { category: 'legal_person', name: '深圳市腾讯计算机系统有限公司', uscc: COMPANY },
  }),
  {
    id: 'rec_0000000000000000000000002a',
  },
);
const simplified = aDisclosureRecord(simplifiedPenalty({ documentNumber: '济市监简罚〔2026〕2号' }), {
  id: 'rec_0000000000000000000000003a',
});
const revoked = aDisclosureRecord(simplifiedPenalty({ documentNumber: '济市监简罚〔2026〕3号' }), {
  id: 'rec_0000000000000000000000004a',
  status: 'revoked',
});
const underObjection = aDisclosureRecord(penaltyInput({ documentNumber: '济市监罚〔2026〕5号' }), {
  id: 'rec_0000000000000000000000005a',
  objection: { id: 'obj_0000000000000000000000000a', filedAt: '2026-12-01T00:00:00Z' },
});

function sources(overrides: Partial<ReportSources> = {}): ReportSources {
  return {
    number: 'XYBG-20261205-ABCDEFGH',
    scope: 'public',
    issuer: '济阳信用办',
    at: AT,
    verificationCode: 'ABCD-EFGH-JKMN-PQRS-TVWX',
    verifyUrl: 'https://example.org/verify.html?code=ABCD-EFGH-JKMN-PQRS-TVWX',
    uscc: COMPANY,
    records: [shown, licence, simplified, revoked, underObjection],
    isShown: (r) =>
      r.content.kind === 'license' ||
      (r.status === 'published' &&
        r.content.kind === 'penalty' &&
        r.content.penalty.procedure === 'ordinary'),
    entries: [],
    commitments: [],
    agencyName: (uscc) => (uscc === '11370100MB2850377W' ? '济南市市场监督管理局' : uscc),
    ...overrides,
  };
}

describe('a credit report', () => {
  it('public scope: the public records by kind, nothing unpublished, what is under objection', () => {
    const c = assembleReport(sources());
    const penalties = c.records.find((k) => k.kind === '行政处罚');
    expect(penalties?.lines.map((l) => l.documentNumber).sort()).toEqual([
      '济市监罚〔2026〕1号',
      '济市监罚〔2026〕5号',
    ]);
    expect(c.records.find((k) => k.kind === '行政许可')?.lines).toHaveLength(1);
    expect(c.unpublished).toBeUndefined();
    expect(c.underReview).toEqual(['行政处罚 济市监罚〔2026〕5号：异议处理中']);
    expect(c.subject).toMatchObject({ name: '深圳市腾讯计算机系统有限公司', uscc: COMPANY });
    expect(penalties?.lines[0]?.agency).toBe('济南市市场监督管理局');
    // The legal representative's ID number and the phone number in the facts never show.
    const all = JSON.stringify(c);
    expect(all).not.toContain('11010519491231002X');
    expect(all).not.toContain('13812345678');
  });

  it('special scope adds the unpublished penalties that stand, with why they are not published', () => {
    const c = assembleReport(sources({ scope: 'special' }));
    expect(c.unpublished?.map((l) => [l.documentNumber, l.note])).toEqual([
      ['济市监简罚〔2026〕2号', '简易程序作出的行政处罚不公示'],
    ]);
    expect(reportSections(c).map((s) => s.title)).toEqual([
      '一、基本信息',
      '二、行政行为信息（公示中）',
      '三、依法不公示的行政处罚（专项）',
      '四、信用名单',
      '五、信用承诺及履约情况',
      '六、异议及信用修复处理中事项',
    ]);
    expect(reportSections(assembleReport(sources())).map((s) => s.title)[2]).toBe('三、信用名单');
  });

  it('as HTML escapes what it quotes and carries the number, the time, the code and the QR', () => {
    const c = assembleReport(sources({ issuer: '<script>alert(1)</script>' }));
    const html = reportHtml(c, '<svg id="qr"></svg>');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
    for (const part of [c.number, c.issuedAt, c.verificationCode, c.verifyUrl, '<svg id="qr"></svg>'])
      expect(html).toContain(part);
    expect(c.issuedAt).toBe('2026-12-05T12:00:00+08:00');
  });

  it('has a number of one form: XYBG, the day of issue in Beijing, eight letters or digits', () => {
    const number = reportNumber(new Date('2026-12-04T16:30:00Z'), 'ABCD-EFGH-JKMN-PQRS-TVWX');
    expect(number).toBe('XYBG-20261205-ABCDEFGH');
    expect(REPORT_NUMBER_PATTERN.test(number)).toBe(true);
    expect(REPORT_NUMBER_PATTERN.test('XYBG-20261205-ABCDEFGI')).toBe(false);
  });

  it('as PDF: the same content gives the same bytes, another content other bytes', async () => {
    const c = assembleReport(sources());
    const [a, b] = await Promise.all([reportPdf(c), reportPdf(c)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).subarray(0, 5).toString()).toBe('%PDF-');
    const other = await reportPdf({ ...c, number: 'XYBG-20261205-ABCDEFGJ' });
    expect(Buffer.from(other).equals(Buffer.from(a))).toBe(false);
  });
});
