import { describe, it as e2e, expect } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { licenseInput, penaltyInput, SOLE_TRADER } from '../support/record-builders.ts';
import {
  amend,
  anIdNumber,
  expectFieldProblem,
  naturalPersonPenalty,
  recordOf,
  withWrongCheck,
} from '../support/record-mothers.ts';

/** `register(body)`: POST /v1/records as the file's agency. */
const it = e2e.extend(
  'register',
  { scope: 'file' },
  ({ service, agency: { token } }) =>
    (body: unknown, headers: Record<string, string> = {}) =>
      call(service.url, 'POST', '/v1/records', { token, body, headers }),
);

/** The valid record a case spoils one field of. */
type Base = () => object;

const penalty = () => penaltyInput();
const license = () => licenseInput();
const naturalPerson = () => naturalPersonPenalty();
const soleTrader = () =>
  penaltyInput({ subject: { category: 'individual_business', name: '济阳区小店', uscc: SOLE_TRADER } });

describe('identifiers', () => {
  it.for<[string, Base, string, unknown, string, string]>([
    [
      'a wrong USCC check character',
      penalty,
      'subject.uscc',
      withWrongCheck('91350100M000100Y43'),
      'subject.uscc',
      'invalid_uscc',
    ],
    [
      'a USCC with the letter O',
      penalty,
      'subject.uscc',
      '91350100M0001O0Y43',
      'subject.uscc',
      'invalid_uscc',
    ],
    [
      'a wrong ID check character',
      penalty,
      'subject.legalRepresentativeIdNumber',
      '110105194912310021',
      'subject.legalRepresentativeIdNumber',
      'invalid_id_check',
    ],
    [
      'an impossible birth date in an ID',
      penalty,
      'subject.legalRepresentativeIdNumber',
      anIdNumber('19490230'),
      'subject.legalRepresentativeIdNumber',
      'invalid_id_birth_date',
    ],
    [
      "a natural person's ID born in the future",
      naturalPerson,
      'subject.idNumber',
      anIdNumber('20901231'),
      'subject.idNumber',
      'invalid_id_birth_date',
    ],
    [
      'an ID of seventeen digits',
      penalty,
      'subject.legalRepresentativeIdNumber',
      '11010519491231002',
      'subject.legalRepresentativeIdNumber',
      'invalid_id_format',
    ],
    [
      "a natural person's ID with a wrong check character",
      naturalPerson,
      'subject.idNumber',
      withWrongCheck(anIdNumber(), '0123456789X'),
      'subject.idNumber',
      'invalid_id_check',
    ],
  ])('refuses %s with a 400 naming the field', async ([, base, path, value, field, code], { register }) => {
    expectFieldProblem(await register(amend(base(), path, value)), field, code);
  });
});

describe('enumerations and shapes', () => {
  it.for<[string, Base, string, unknown, string]>([
    ['an unknown kind', penalty, 'kind', 'permit', 'kind'],
    ['an unknown severity', penalty, 'penalty.severity', 'grave', 'penalty.severity'],
    ['an unknown procedure', penalty, 'penalty.procedure', 'summary', 'penalty.procedure'],
    ['an unknown penalty category', penalty, 'penalty.categories', ['罚金'], 'penalty.categories[0]'],
    ['an unknown licence category', license, 'license.category', '许可', 'license.category'],
    ['an unknown licence status', license, 'license.status', 'expired', 'license.status'],
    ['an unknown subject category', penalty, 'subject.category', 'company', 'subject.category'],
    [
      'an unknown ID type',
      penalty,
      'subject.legalRepresentativeIdType',
      'driving_licence',
      'subject.legalRepresentativeIdType',
    ],
    ['an impossible decision date', penalty, 'decisionDate', '2026-02-30', 'decisionDate'],
    ['a decision date with slashes', penalty, 'decisionDate', '2026/09/30', 'decisionDate'],
    ['an amount written as text', penalty, 'penalty.fineAmount', '5', 'penalty.fineAmount'],
    ['a blank document number', penalty, 'documentNumber', '   ', 'documentNumber'],
    ['a name of 201 characters', penalty, 'subject.name', '公'.repeat(201), 'subject.name'],
  ])('refuses %s with a 400 naming the field', async ([, base, path, value, field], { register }) => {
    const answer = await register(amend(base(), path, value));

    expectProblem(answer, 400, 'validation_failed', `body.${field}`);
  });
});

describe('required fields', () => {
  it.for<[string, Base, string, string]>([
    ['documentNumber', penalty, 'documentNumber', 'documentNumber'],
    ['decisionDate', penalty, 'decisionDate', 'decisionDate'],
    ['the subject', penalty, 'subject', 'subject'],
    ["the subject's name", penalty, 'subject.name', 'subject.name'],
    ['the penalty object of a penalty', penalty, 'penalty', 'penalty'],
    ['the severity of a penalty', penalty, 'penalty.severity', 'penalty.severity'],
    ['the facts of a penalty', penalty, 'penalty.facts', 'penalty.facts'],
    ['the validity end of a licence', license, 'license.validTo', 'license.validTo'],
    ['the document name of a licence', license, 'license.documentName', 'license.documentName'],
    ['the measure of a coercion', () => recordOf('coercion'), 'coercion.measure', 'coercion.measure'],
    ['the result of an inspection', () => recordOf('inspection'), 'inspection.result', 'inspection.result'],
    ['the content of a reward', () => recordOf('reward'), 'reward.content', 'reward.content'],
  ])('refuses a record without %s', async ([, base, path, field], { register }) => {
    expectProblem(await register(amend(base(), path, undefined)), 400, 'validation_failed', `body.${field}`);
  });

  it.for<[string, Base, string, string, string]>([
    ['a legal person without a USCC', penalty, 'subject.uscc', 'subject.uscc', 'uscc_required'],
    ['an individual business without a USCC', soleTrader, 'subject.uscc', 'subject.uscc', 'uscc_required'],
    [
      'a natural person without an ID type',
      naturalPerson,
      'subject.idType',
      'subject.idType',
      'id_type_required',
    ],
    [
      'a natural person without an ID number',
      naturalPerson,
      'subject.idNumber',
      'subject.idNumber',
      'id_number_required',
    ],
    [
      'an ID number without its type',
      penalty,
      'subject.legalRepresentativeIdType',
      'subject.legalRepresentativeIdType',
      'id_type_required',
    ],
  ])('refuses %s', async ([, base, path, field, code], { register }) => {
    expectFieldProblem(await register(amend(base(), path, undefined)), field, code);
  });

  it('refuses a USCC on a natural person and an ID number on a company', async ({ register }) => {
    const person = await register(amend(naturalPerson(), 'subject.uscc', '91350100M000100Y43'));
    const company = await register(amend(penalty(), 'subject.idNumber', anIdNumber()));

    expectFieldProblem(person, 'subject.uscc', 'uscc_not_allowed');
    expect(company.json.errors).toContainEqual(expect.objectContaining({ code: 'id_not_allowed' }));
  });
});

describe('publication periods (条例 第38条; 公示截止期)', () => {
  // Decided 2026-09-30 under Order No. 36, general: published at most until 2027-09-30.
  it.for<[string, Record<string, unknown>, string, string]>([
    [
      'a 公示截止期 beyond the regime maximum',
      { publicationEndsOn: '2027-10-01' },
      'penalty.publicationEndsOn',
      'publication_end_beyond_maximum',
    ],
    [
      'a 公示截止期 before the decision',
      { publicationEndsOn: '2026-09-29' },
      'penalty.publicationEndsOn',
      'publication_end_before_decision',
    ],
    [
      'a misconduct that ended after the decision',
      { misconductEndedOn: '2026-10-01' },
      'penalty.misconductEndedOn',
      'misconduct_end_after_decision',
    ],
  ])('refuses %s with a 400 naming the field', async ([, change, field, code], { register }) => {
    const base = penaltyInput();

    const answer = await register({ ...base, penalty: { ...base.penalty, ...change } });

    expectFieldProblem(answer, field, code);
  });

  it('refuses a penalty decided under Order No. 58 without its sector, and takes it with one', async ({
    register,
  }) => {
    const base = penaltyInput({ decisionDate: '2025-06-01' });

    const without = await register(base);
    const withSector = await register({ ...base, penalty: { ...base.penalty, sector: 'work_safety' } });

    expectFieldProblem(without, 'penalty.sector', 'sector_required');
    expect(withSector.status).toBe(201);
  });

  it('refuses an unknown sector with a 400 naming the field', async ({ register }) => {
    const base = penaltyInput();

    const answer = await register({ ...base, penalty: { ...base.penalty, sector: 'mining' } });

    expectProblem(answer, 400, 'validation_failed', 'body.penalty.sector');
  });

  it('names the rule that sets the maximum in the refusal', async ({ register }) => {
    const base = penaltyInput();

    const answer = await register({
      ...base,
      penalty: { ...base.penalty, misconductEndedOn: '2022-01-10', publicationEndsOn: '2027-01-11' },
    });

    expectFieldProblem(answer, 'penalty.publicationEndsOn', 'publication_end_beyond_maximum');
    expect(JSON.stringify(answer.json)).toContain('山东省社会信用条例 第38条');
  });

  it('publishes a penalty whose misconduct ended 2022-01-10 until 2027-01-10, the five-year cap', async ({
    service,
    register,
  }) => {
    const base = penaltyInput();

    const answer = await register({
      ...base,
      publish: true,
      penalty: { ...base.penalty, severity: 'serious', misconductEndedOn: '2022-01-10' },
    });
    expect(answer.status).toBe(201);

    const shown = await call(service.url, 'GET', `/v1/disclosures/${answer.json.id}`);
    expect(shown.json.publicationEndsOn).toBe('2027-01-10');
  });
});
