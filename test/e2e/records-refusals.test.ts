import { describe, it as e2e, expect } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { licenseInput, penaltyInput } from '../support/record-builders.ts';
import { amend, expectFieldProblem, recordOf, withWrongCheck } from '../support/record-mothers.ts';

/** `register(body)`: POST /v1/records as the file's agency; `worklist()`: its first 100 records. */
const it = e2e
  .extend(
    'register',
    { scope: 'file' },
    ({ service, agency: { token } }) =>
      (body: unknown, headers: Record<string, string> = {}) =>
        call(service.url, 'POST', '/v1/records', { token, body, headers }),
  )
  .extend(
    'worklist',
    { scope: 'file' },
    ({ service, agency: { token } }) =>
      () =>
        call(service.url, 'GET', '/v1/agency/records?limit=100', { token }),
  );

/** The valid record a case spoils one field of. */
type Base = () => object;

const penalty = () => penaltyInput();
const license = () => licenseInput();

describe('dates and amounts', () => {
  it.for<[string, Base, string, string, string]>([
    ['a licence valid from after valid to', license, 'license.validFrom', '2032-01-01', 'license.validTo'],
    [
      'a coercion whose period ends before it starts',
      () => recordOf('coercion'),
      'coercion.validFrom',
      '2026-12-31',
      'coercion.validTo',
    ],
  ])('refuses %s, naming the end of the range', async ([, base, path, value, field], { register }) => {
    expectFieldProblem(await register(amend(base(), path, value)), field, 'invalid_range');
  });

  it.for<[string, Base, string, number]>([
    ['a negative fine', penalty, 'penalty.fineAmount', -1],
    ['a fine with seven decimals', penalty, 'penalty.fineAmount', 0.1234567],
    ['a negative confiscated amount', penalty, 'penalty.confiscatedAmount', -0.5],
    ['a levy amount with seven decimals', () => recordOf('levy'), 'levy.amount', 1.0000001],
  ])('refuses %s', async ([, base, path, value], { register }) => {
    expectFieldProblem(await register(amend(base(), path, value)), path, 'invalid_amount');
  });

  it('accepts an amount of exactly six decimals, and zero', async ({ register }) => {
    const sixDecimals = await register(amend(penalty(), 'penalty.fineAmount', 1.123456));
    const zero = await register(amend(penalty(), 'penalty.confiscatedAmount', 0));

    expect([sixDecimals.status, zero.status]).toEqual([201, 201]);
    expect(sixDecimals.json.record.penalty.fineAmount).toBe(1.123456);
  });
});

describe('unknown fields and hidden characters', () => {
  it.for<[string, Base, string]>([
    ['the top level', penalty, 'address'],
    ['the subject', penalty, 'subject.address'],
    ['the penalty', penalty, 'penalty.fineYuan'],
    ['the licence', license, 'license.issuer'],
    ['a kind object that does not match the kind', penalty, 'license'],
  ])('refuses an unknown field in %s', async ([, base, path], { register }) => {
    expectFieldProblem(await register(amend(base(), path, '济阳')), path, 'unknown_field');
  });

  it.for<[string, string]>([
    ['a zero-width space', '济阳\u200B示例有限公司'],
    ['a bell character', '济阳\u0007示例有限公司'],
    ['a right-to-left override', '济阳\u202E示例有限公司'],
    ['a byte-order mark inside it', '济阳\uFEFF示例有限公司'],
    ['a right-to-left isolate (U+2067, as in "Trojan Source")', '济阳\u2067示例有限公司'],
    ['a Unicode line separator (U+2028)', '济阳\u2028示例有限公司'],
    ['a line break', '济阳\n示例有限公司'],
  ])('refuses a name containing %s', async ([, name], { register }) => {
    expectFieldProblem(
      await register(amend(penalty(), 'subject.name', name)),
      'subject.name',
      'invalid_characters',
    );
  });
});

describe('the request itself', () => {
  it('refuses malformed JSON, naming the body', async ({ register }) => {
    expectProblem(await register('{"kind": "penalty",'), 400, 'malformed_json', 'body');
  });

  it.for(['text/plain', 'text/csv', 'application/x-www-form-urlencoded'])(
    'refuses a record sent as %s with 415',
    async (contentType, { register }) => {
      const answer = await register(JSON.stringify(penalty()), { 'content-type': contentType });

      expectProblem(answer, 415, 'unsupported_media_type');
    },
  );

  it('refuses a missing body and a JSON array', async ({ service, agency, register }) => {
    expectProblem(
      await call(service.url, 'POST', '/v1/records', { token: agency.token }),
      400,
      'body_required',
    );
    expectProblem(await register([penalty()]), 400, 'validation_failed');
  });

  it('changes nothing when it refuses a record: the worklist is the same and the number stays free', async ({
    register,
    worklist,
  }) => {
    const before = await worklist();
    const input = penalty();

    const refusals = await Promise.all([
      register(amend(input, 'subject.uscc', withWrongCheck(input.subject.uscc ?? ''))),
      register({ ...input, decisionDate: '2099-01-01' }),
      register({ ...input, extra: true }),
      register(JSON.stringify(input), { 'content-type': 'text/plain' }),
    ]);
    const after = await worklist();
    const accepted = await register(input);

    expect(refusals.map((r) => r.status)).toEqual([400, 400, 400, 415]);
    expect(after.json).toEqual(before.json);
    expect(accepted.status).toBe(201);
  });
});
