import { describe, expect, it } from '../support/e2e.ts';
import { amend, expectFieldProblem } from '../support/record-mothers.ts';
import { objectionBody, REJECT, UPHOLD_WITH_REVOKE } from '../support/workflow-mothers.ts';

let recordId: string;
let objectionId: string;

it.beforeAll(async ({ api, agency, entity }) => {
  recordId = await api.publishedPenalty(agency, entity);
  objectionId = await api.objected(entity, recordId);
});

const CORRECTION = { penalty: { fineAmount: 3 } };

describe('POST /v1/objections with an invalid body', () => {
  it.for<[string, string, string, string | undefined]>([
    ['evidence[0].sha256', 'invalid_sha256', 'an upper-case digest', 'A'.repeat(64)],
    ['evidence[0].sha256', 'invalid_sha256', 'a digest of 63 digits', 'a'.repeat(63)],
    ['evidence[0].url', 'invalid_format', 'an http address', 'http://example.com/a.pdf'],
    ['evidence[0].name', 'required', 'no name', undefined],
    ['reason', 'invalid_value', 'an unknown reason', 'dislike'],
    ['statement', 'too_small', 'an empty statement', '   '],
    ['recordId', 'invalid_record_id', 'a malformed record id', 'rec_123'],
    ['extra', 'unknown_field', 'an unknown field', '多余'],
  ])('names body.%s (%s) for %s', async ([field, code, , value], { api, entity }) => {
    const body = amend(objectionBody(recordId), field.replace(/\[(\d+)\]/g, '.$1'), value);

    const answer = await api.object(entity, body);

    expectFieldProblem(answer, field, code);
  });

  it('files nothing for a refused body', async ({ api, entity }) => {
    const second = await api.object(
      entity,
      objectionBody(recordId, { evidence: [{ name: '凭证', sha256: 'x' }] }),
    );
    const mine = await api.list(entity.token, '/v1/entity/objections');

    expect(second.status).toBe(400);
    expect(mine.map((o) => o.id)).toEqual([objectionId]);
  });
});

describe('POST /v1/objections/{id}/decision with an invalid body', () => {
  it.for<[string, string, string, Record<string, unknown>]>([
    [
      'correction',
      'upheld_without_change',
      'upheld without a correction or a revocation',
      { outcome: 'upheld', reason: '成立' },
    ],
    [
      'revoke',
      'correction_and_revoke',
      'a correction and a revocation together',
      { ...UPHOLD_WITH_REVOKE, correction: CORRECTION },
    ],
    ['outcome', 'rejected_with_change', 'rejected with a correction', { ...REJECT, correction: CORRECTION }],
    ['outcome', 'rejected_with_change', 'rejected with a revocation', { ...REJECT, revoke: true }],
    ['outcome', 'invalid_value', 'an outcome of the repair workflow', { ...REJECT, outcome: 'approved' }],
    ['reason', 'required', 'no reason', { outcome: 'rejected' }],
    ['effect', 'unknown_field', 'an unknown field', { ...REJECT, effect: 'none' }],
  ])('names body.%s (%s) for %s', async ([field, code, , body], { api, agency }) => {
    const answer = await api.decideObjection(agency.token, objectionId, body);

    expectFieldProblem(answer, field, code);
  });

  it('names the corrected field when the correction makes an invalid record', async ({ api, agency }) => {
    const body = { outcome: 'upheld', reason: '金额有误', correction: { penalty: { fineAmount: -1 } } };

    const answer = await api.decideObjection(agency.token, objectionId, body);

    expectFieldProblem(answer, 'correction.penalty.fineAmount', 'invalid_amount');
  });

  it('names body.needsOtherUnit for an acceptance without it', async ({ api, agency }) => {
    const answer = await api.send('POST', `/v1/objections/${objectionId}/acceptance`, {
      token: agency.token,
      body: {},
    });

    expectFieldProblem(answer, 'needsOtherUnit', 'required');
  });

  it('leaves the objection pending and the record labelled after every refused body', async ({
    api,
    agency,
  }) => {
    const seen = await api.objection(agency.token, objectionId);
    const detail = await api.publicRecord(recordId);

    expect(seen.json.status).toBe('pending');
    expect(detail.json).toMatchObject({ version: 1, objection: { status: 'pending' } });
  });
});
