import type { RecordInput } from '../../shared/schemas/records/record-input.ts';

/** Valid codes to build with (check characters computed, not copied). */
export const AGENCY = '11370100MB2850377W';
export const OTHER_AGENCY = '11370100MB285038X2';
export const OTHER_COMPANY = '91370125MA3C00001Q';
export const SOLE_TRADER = '92370125MA3C00003U';
export const COMPANY = '91350100M000100Y43';

let counter = 0;
export const uniqueDocumentNumber = (prefix = '济市监罚') => `${prefix}〔2026〕${++counter}号`;

/** A publicly visible general penalty against a company, to vary one field at a time. */
export function penaltyInput(
  overrides: Partial<Extract<RecordInput, { kind: 'penalty' }>> = {},
): Extract<RecordInput, { kind: 'penalty' }> {
  return {
    kind: 'penalty',
    documentNumber: uniqueDocumentNumber(),
    decisionDate: '2026-09-30',
    subject: {
      category: 'legal_person',
      name: '深圳市腾讯计算机系统有限公司',
      uscc: COMPANY,
      legalRepresentative: '马化腾',
      legalRepresentativeIdType: 'resident_id',
      legalRepresentativeIdNumber: '11010519491231002X',
    },
    penalty: {
      violationType: '虚假宣传',
      facts: '当事人在其网站发布虚假广告，联系电话13812345678。',
      basis: '《中华人民共和国广告法》第五十五条',
      categories: ['罚款'],
      content: '罚款人民币伍万元整',
      fineAmount: 5,
      severity: 'general',
      procedure: 'ordinary',
    },
    ...overrides,
  };
}

export function licenseInput(
  overrides: Partial<Extract<RecordInput, { kind: 'license' }>> = {},
): Extract<RecordInput, { kind: 'license' }> {
  return {
    kind: 'license',
    documentNumber: uniqueDocumentNumber('济市监许'),
    decisionDate: '2026-09-30',
    subject: { category: 'legal_person', name: '济南市济阳区示例食品有限公司', uscc: COMPANY },
    license: {
      documentName: '食品经营许可决定书',
      category: '普通',
      certificateName: '食品经营许可证',
      licenseNumber: 'JY13701250012345',
      content: '预包装食品销售',
      validFrom: '2026-09-30',
      validTo: '2031-09-29',
      status: 'valid',
    },
    ...overrides,
  };
}
