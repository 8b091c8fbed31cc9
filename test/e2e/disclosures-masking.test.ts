import { describe, expect, it, type World } from '../support/e2e.ts';
import { call, type HttpAnswer } from '../support/http.ts';
import { COMPANY, SOLE_TRADER, uniqueDocumentNumber } from '../support/record-builders.ts';
import {
  aCompany,
  allPages,
  anIdNumber,
  aSoleTrader,
  OPERATOR,
  penaltyWith,
  queryOf,
  soleTraderPenalty,
} from '../support/record-mothers.ts';

const REPRESENTATIVE = { name: '马化腾', idNumber: '11010519491231002X' };
const OLD_ID = '110105491231002';
const WITNESS_ID = anIdNumber('19851120', '035');
const ids = { company: '', soleTrader: '', disguised: '', namedAfterOperator: '' };

/** Personal data typed into the free text of a record: none of it may be published. */
const FACTS =
  `当事人在其网站发布虚假广告，联系电话13812345678，座机0531-88886666，` +
  `证人身份证号${WITNESS_ID}，旧身份证号${OLD_ID}，邮箱 boss@example.com，收款账号6222021234567890123。`;

/** Personal data written to slip past a naive masking (issue 21, defect 2). */
const DISGUISED = {
  documentNumber: `${uniqueDocumentNumber()}（联系人１３８ １２３４ ５６７８）`,
  subjectName: '济南１３９８７６５４３２１商贸有限公司',
  facts:
    `经查，法定代表人${REPRESENTATIVE.name}指使员工发布虚假广告；马 化 腾身份证号1101/0519/4912/3100/2X，` +
    `手机一三八一二三四五六七八，座机0531 8888 6666，邮箱 boss＠example．com。`,
};

it.beforeAll(async ({ service, agency: { token } }) => {
  const register = (body: unknown) => call(service.url, 'POST', '/v1/records', { token, body });
  const disguisedInput = penaltyWith(
    { facts: DISGUISED.facts, content: `对${REPRESENTATIVE.name}罚款五万元` },
    { documentNumber: DISGUISED.documentNumber, remarks: `经办人 𝟏𝟑𝟕𝟎𝟎𝟎𝟎𝟏𝟏𝟏𝟏` },
  );
  const namedAfterOperatorInput = soleTraderPenalty();
  const [company, soleTrader, disguised, namedAfterOperator] = await Promise.all([
    register({
      ...penaltyWith(
        { facts: FACTS, content: `罚款五万元，联系人手机+86 13987654321` },
        { remarks: `经办人电话 13700001111` },
      ),
      publish: true,
    }),
    register({ ...soleTraderPenalty(), publish: true }),
    register({
      ...disguisedInput,
      subject: { ...disguisedInput.subject, name: DISGUISED.subjectName, uscc: aCompany() },
      publish: true,
    }),
    register({
      ...namedAfterOperatorInput,
      subject: { ...namedAfterOperatorInput.subject, name: OPERATOR.name, uscc: aSoleTrader() },
      publish: true,
    }),
  ]);
  for (const answer of [company, soleTrader, disguised, namedAfterOperator]) expect(answer.status).toBe(201);
  ids.company = company.json.id;
  ids.soleTrader = soleTrader.json.id;
  ids.disguised = disguised.json.id;
  ids.namedAfterOperator = namedAfterOperator.json.id;
});

/** Every public answer that shows the record: its page, and each search that finds it. */
async function publicAnswers(
  { service, agency }: Pick<World, 'service' | 'agency'>,
  id: string,
  uscc: string,
  name: string,
): Promise<HttpAnswer[]> {
  const queries = [
    {},
    { uscc },
    { name },
    { agency: agency.uscc },
    { kind: 'penalty' },
    { from: '2026-09-30' },
  ];
  const searches = await Promise.all(
    queries.map((q) => allPages(service.url, `/v1/disclosures${queryOf(q)}`).then((r) => r.pages)),
  );
  const detail = await call(service.url, 'GET', `/v1/disclosures/${id}`);
  const answers = [detail, ...searches.flat()];
  for (const answer of answers) expect(answer.status).toBe(200);
  // Each search must actually have returned the record, or the checks below prove nothing.
  for (const pages of searches)
    expect(pages.flatMap((p) => p.json.items.map((r: { id: string }) => r.id))).toContain(id);
  return answers;
}

const ANY_ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const ANY_MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

describe('public answers about a company', () => {
  it("never contain the legal representative's name or ID number, in the raw text", async ({
    service,
    agency,
  }) => {
    const answers = await publicAnswers({ service, agency }, ids.company, COMPANY, '腾讯');

    for (const { text } of answers) {
      expect(text).not.toContain(REPRESENTATIVE.name);
      expect(text).not.toContain(REPRESENTATIVE.idNumber);
      expect(text).not.toContain('legalRepresentative');
    }
  });

  it('never contain a phone number, ID number, e-mail or account typed into the free text', async ({
    service,
    agency,
  }) => {
    const answers = await publicAnswers({ service, agency }, ids.company, COMPANY, '计算机');

    for (const { text } of answers) {
      expect(text).not.toMatch(ANY_ID_NUMBER);
      expect(text).not.toMatch(ANY_MOBILE);
      for (const secret of ['13812345678', '13987654321', '13700001111', '88886666', WITNESS_ID, OLD_ID]) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toContain('boss@example.com');
      expect(text).not.toContain('6222021234567890123');
    }
  });

  it('still shows the rest of the record, with the masked places marked', async ({ service }) => {
    const detail = await call(service.url, 'GET', `/v1/disclosures/${ids.company}`);

    expect(detail.json.subject).toEqual({
      category: 'legal_person',
      name: '深圳市腾讯计算机系统有限公司',
      uscc: COMPANY,
    });
    expect(detail.json.details.facts).toMatch(/^当事人在其网站发布虚假广告，联系电话［已隐去］/);
    expect(detail.json.details).toMatchObject({
      violationType: '虚假宣传',
      fineAmount: 5,
      severity: 'general',
    });
    expect(detail.json.remarks).toBe('经办人电话 ［已隐去］');
  });
});

describe('public answers about an individual business', () => {
  it("show the trade name and USCC but never the operator's name or ID number", async ({
    service,
    agency,
  }) => {
    const answers = await publicAnswers({ service, agency }, ids.soleTrader, SOLE_TRADER, '老街口');

    for (const { text } of answers) {
      expect(text).not.toContain(OPERATOR.name);
      expect(text).not.toContain(OPERATOR.idNumber);
      expect(text).not.toMatch(ANY_ID_NUMBER);
    }
    const detail = answers[0] as HttpAnswer;
    expect(detail.json.subject).toEqual({
      category: 'individual_business',
      name: '济阳区老街口小吃店',
      uscc: SOLE_TRADER,
    });
  });
});

describe('the version history the public sees', () => {
  it("masks a phone number in a correction's reason and hides which personal fields changed", async ({
    service,
    agency: { token },
  }) => {
    const id = ids.soleTrader;
    await call(service.url, 'POST', `/v1/records/${id}/corrections`, {
      token,
      body: {
        reason: '经营者来电（15905310000）更正证件号码',
        changes: { subject: { legalRepresentativeIdNumber: anIdNumber('19700315', '025') } },
      },
    });

    const detail = await call(service.url, 'GET', `/v1/disclosures/${id}`);

    expect(detail.json.version).toBe(2);
    expect(detail.json.history).toEqual([
      {
        version: 2,
        at: expect.any(String),
        reason: '经营者来电（［已隐去］）更正证件号码',
        changedFields: [],
      },
    ]);
    expect(detail.text).not.toContain('15905310000');
    expect(detail.text).not.toMatch(ANY_ID_NUMBER);
  });
});

describe('the public record as a whole', () => {
  it('carries no subject field beyond the public ones, whatever the agency registered', async ({
    service,
  }) => {
    const { json } = await call(service.url, 'GET', `/v1/disclosures/${ids.company}`);

    expect(Object.keys(json.subject).sort()).toEqual(['category', 'name', 'uscc']);
    expect(json).not.toHaveProperty('record');
    expect(json).not.toHaveProperty('visibility');
  });

  it('is masked for the public only: the agency still reads all it registered', async ({
    service,
    agency: { token },
  }) => {
    const { json } = await call(service.url, 'GET', `/v1/records/${ids.company}`, { token });

    expect(json.record.subject).toMatchObject({
      legalRepresentative: REPRESENTATIVE.name,
      legalRepresentativeIdNumber: REPRESENTATIVE.idNumber,
    });
    expect(json.record.penalty.facts).toBe(FACTS);
  });
});

describe('personal data written to slip past the masking (issue 21)', () => {
  it('is masked in the document number, the subject name and the free text of every public answer', async ({
    service,
    agency,
  }) => {
    const { json: detail } = await call(service.url, 'GET', `/v1/disclosures/${ids.disguised}`);
    const answers = await publicAnswers(
      { service, agency },
      ids.disguised,
      detail.subject.uscc,
      '商贸有限公司',
    );

    expect(detail.documentNumber).toMatch(/^济市监罚〔2026〕\d+号（联系人［已隐去］）$/);
    expect(detail.subject.name).toBe('济南［已隐去］商贸有限公司');
    expect(detail.details.facts).toBe(
      '经查，法定代表人［已隐去］指使员工发布虚假广告；［已隐去］身份证号［已隐去］，' +
        '手机［已隐去］，座机［已隐去］，邮箱 ［已隐去］。',
    );
    expect(detail.details.content).toBe('对［已隐去］罚款五万元');
    expect(detail.remarks).toBe('经办人 ［已隐去］');
    for (const { text } of answers) {
      for (const secret of [
        '１３８ １２３４ ５６７８',
        '１３９８７６５４３２１',
        '1101/0519',
        '0531 8888 6666',
        'boss',
        '𝟏𝟑𝟕',
      ]) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toContain(REPRESENTATIVE.name);
      expect(text).not.toContain('马 化 腾');
      expect(text).not.toContain('一三八一二三四五六七八');
    }
  });

  it('shows an individual business named after its operator as a placeholder beside its USCC', async ({
    service,
  }) => {
    const { json, text } = await call(service.url, 'GET', `/v1/disclosures/${ids.namedAfterOperator}`);

    expect(json.subject).toEqual({
      category: 'individual_business',
      name: '个体工商户（经营者姓名已隐去）',
      uscc: expect.stringMatching(/^92/),
    });
    expect(text).not.toContain(OPERATOR.name);
  });
});
