import { describe, expect, it } from 'vitest';
import { MASK } from '../../../shared/domain/records/masking.ts';
import { publicSubject, publicView } from '../../../shared/domain/records/public-view.ts';
import type { Subject } from '../../../shared/schemas/records/subject.ts';
import { COMPANY, licenseInput, penaltyInput } from '../../support/record-builders.ts';
import { aDisclosureRecord, anIdNumber } from '../../support/record-mothers.ts';

/** A subject with every field of the data standard filled, personal ones included. */
const EVERY_FIELD: Subject = {
  category: 'legal_person',
  name: '深圳市腾讯计算机系统有限公司',
  uscc: COMPANY,
  businessRegNo: '440301103448669',
  orgCode: '71526726-X',
  taxNo: '440300715267267',
  institutionCertNo: 'SY-001',
  socialOrgCertNo: 'SH-002',
  legalRepresentative: '马化腾',
  legalRepresentativeIdType: 'resident_id',
  legalRepresentativeIdNumber: '11010519491231002X',
  idType: 'resident_id',
  idNumber: anIdNumber(),
};

describe('publicSubject', () => {
  it('keeps only the category, the name and the organisation identifiers', () => {
    expect(publicSubject(EVERY_FIELD)).toEqual({
      category: 'legal_person',
      name: '深圳市腾讯计算机系统有限公司',
      uscc: COMPANY,
      businessRegNo: '440301103448669',
      orgCode: '71526726-X',
      taxNo: '440300715267267',
      institutionCertNo: 'SY-001',
      socialOrgCertNo: 'SH-002',
    });
  });

  it('adds no key for an identifier the subject does not have', () => {
    expect(publicSubject({ category: 'legal_person', name: '示例有限公司', uscc: COMPANY })).toEqual({
      category: 'legal_person',
      name: '示例有限公司',
      uscc: COMPANY,
    });
  });
});

describe('publicView', () => {
  it('shows a penalty without the personal fields, its free text masked', () => {
    const input = penaltyInput({ subject: EVERY_FIELD, remarks: '经办人 13700001111' });
    const record = aDisclosureRecord(input);

    const view = publicView(record);

    expect(view).toEqual({
      id: record.id,
      kind: 'penalty',
      kindLabel: '行政处罚',
      documentNumber: input.documentNumber,
      decisionDate: '2026-09-30',
      remarks: `经办人 ${MASK}`,
      subject: publicSubject(EVERY_FIELD),
      authority: record.authority,
      details: { ...input.penalty, facts: `当事人在其网站发布虚假广告，联系电话${MASK}。` },
      publishedAt: '2026-10-09T03:00:00.000Z',
      publicationEndsOn: '2027-09-30',
      version: 1,
      history: [],
    });
    expect(JSON.stringify(view)).not.toMatch(/马化腾|11010519491231002X|legalRepresentative|idNumber/);
  });

  it('gives no publication end to kinds other than penalties', () => {
    expect(publicView(aDisclosureRecord(licenseInput()))).not.toHaveProperty('publicationEndsOn');
  });

  it('lists the history without the previous content, naming only public fields', () => {
    const before = penaltyInput();
    const record = aDisclosureRecord(before, {
      version: 2,
      history: [
        {
          version: 2,
          at: '2026-10-10T01:00:00.000Z',
          reason: '来电 13812345678 更正',
          changedFields: ['penalty.fineAmount', 'subject.legalRepresentativeIdNumber', 'subject.name'],
          previous: before,
        },
      ],
    });

    expect(publicView(record).history).toEqual([
      {
        version: 2,
        at: '2026-10-10T01:00:00.000Z',
        reason: `来电 ${MASK} 更正`,
        changedFields: ['penalty.fineAmount', 'subject.name'],
      },
    ]);
  });
});
