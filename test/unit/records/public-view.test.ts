import { describe, expect, it } from 'vitest';
import { MASK } from '../../../shared/domain/records/masking.ts';
import {
  OPERATOR_NAME_HIDDEN,
  publicSubject,
  publicView,
} from '../../../shared/domain/records/public-view.ts';
import type { Subject } from '../../../shared/schemas/records/subject.ts';
import { COMPANY, licenseInput, penaltyInput } from '../../support/record-builders.ts';
import { aDisclosureRecord, anIdNumber, OPERATOR, soleTraderPenalty } from '../../support/record-mothers.ts';

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
      summary: input.penalty.content,
      disclosureDeadline: {
        due: record.disclosure.due,
        provisional: record.disclosure.provisional,
        workingDays: 7,
      },
      ...(record.publication
        ? {
            publication: {
              at: record.publication.at,
              onTime: record.publication.onTime,
              workingDaysLate: record.publication.workingDaysLate,
            },
          }
        : {}),
      publicationEndsOn: '2027-09-30',
      publicationPeriod: {
        regime: 'order-36',
        basis: '国家发展改革委令第36号（2026年4月1日起施行）',
        repairFrom: '2026-12-31',
        publishedUntil: '2027-09-30',
        endsBy: 'regime_maximum',
        capFrom: 'decision_date',
      },
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

describe('publicView masks every public text field (issue 21)', () => {
  it('masks personal numbers in the document number', () => {
    const view = publicView(
      aDisclosureRecord(penaltyInput({ documentNumber: '济市监罚〔2026〕13812345678号' })),
    );

    expect(view.documentNumber).toBe(`济市监罚〔2026〕${MASK}号`);
  });

  it('leaves an ordinary document number as written', () => {
    const view = publicView(aDisclosureRecord(penaltyInput({ documentNumber: '济历市监罚〔2026〕123号' })));

    expect(view.documentNumber).toBe('济历市监罚〔2026〕123号');
  });

  it("masks the legal representative's name wherever the free text repeats it", () => {
    const input = penaltyInput({
      documentNumber: '马化腾〔2026〕1号',
      remarks: '法定代表人马 化 腾到场',
      penalty: {
        ...penaltyInput().penalty,
        facts: '经查，马化腾指使员工发布虚假广告。',
        content: '对马化腾警告',
      },
    });

    const view = publicView(aDisclosureRecord(input));

    expect(view.documentNumber).toBe(`${MASK}〔2026〕1号`);
    expect(view.remarks).toBe(`法定代表人${MASK}到场`);
    expect(view.details).toMatchObject({
      facts: `经查，${MASK}指使员工发布虚假广告。`,
      content: `对${MASK}警告`,
    });
  });

  it('masks personal numbers typed into the name of a company', () => {
    const subject = { ...penaltyInput().subject, name: '济南13812345678商贸有限公司' };

    expect(publicView(aDisclosureRecord(penaltyInput({ subject }))).subject.name).toBe(
      `济南${MASK}商贸有限公司`,
    );
  });

  it("keeps a company's registered name even when it holds its representative's name", () => {
    const subject = { ...penaltyInput().subject, name: '济南马化腾餐饮有限公司' };

    expect(publicView(aDisclosureRecord(penaltyInput({ subject }))).subject.name).toBe(
      '济南马化腾餐饮有限公司',
    );
  });

  it("masks a name from an earlier version in a correction's reason", () => {
    const before = penaltyInput({ subject: { ...penaltyInput().subject, legalRepresentative: '张伟' } });
    const record = aDisclosureRecord(penaltyInput(), {
      version: 2,
      history: [
        {
          version: 2,
          at: '2026-10-10T01:00:00.000Z',
          reason: '法定代表人由张伟更正为马化腾',
          changedFields: ['subject.legalRepresentative'],
          previous: before,
        },
      ],
    });

    expect(publicView(record).history[0]?.reason).toBe(`法定代表人由${MASK}更正为${MASK}`);
  });

  it("hides an identifier field that holds the operator's ID number", () => {
    const input = soleTraderPenalty();
    const subject = { ...input.subject, taxNo: OPERATOR.idNumber };

    const view = publicView(aDisclosureRecord({ ...input, subject }));

    expect(view.subject.taxNo).toBe(MASK);
    expect(JSON.stringify(view)).not.toContain(OPERATOR.idNumber);
  });
});

describe('the public name of an individual business (个体工商户)', () => {
  const soleTrader = (name: string, operator: string | null = OPERATOR.name) => {
    const input = soleTraderPenalty();
    const { legalRepresentative: _, ...rest } = input.subject;
    return aDisclosureRecord({
      ...input,
      subject: { ...rest, name, ...(operator ? { legalRepresentative: operator } : {}) },
    });
  };

  it('keeps a trade name that is not a personal name', () => {
    expect(publicView(soleTrader('济阳区老街口小吃店')).subject.name).toBe('济阳区老街口小吃店');
  });

  it("shows a placeholder when the registered name is the operator's name", () => {
    expect(publicView(soleTrader(OPERATOR.name)).subject.name).toBe(OPERATOR_NAME_HIDDEN);
  });

  it("masks the operator's name inside a trade name", () => {
    expect(publicView(soleTrader(`济阳区${OPERATOR.name}小吃店`)).subject.name).toBe(`济阳区${MASK}小吃店`);
  });

  it('shows the placeholder for a name that can only be a personal name, operator unknown', () => {
    expect(publicView(soleTrader('王秀英', null)).subject.name).toBe(OPERATOR_NAME_HIDDEN);
  });

  it('keeps the USCC, so the business can still be found', () => {
    expect(publicView(soleTrader(OPERATOR.name)).subject.uscc).toBe(soleTraderPenalty().subject.uscc);
  });
});
