import { describe, expect, it } from '../support/e2e.ts';
import { expectProblem } from '../support/http.ts';
import { APPROVE } from '../support/workflow-mothers.ts';

/*
 * The repair decision document is issued with the approval and frozen: signed with the
 * agency's name and the day in Beijing time, carrying a 核验码 anyone checks on
 * GET /v1/verifications/{code} — which answers what the document is and its SHA-256, and
 * nothing personal.
 */

const CODE = /^[2-9A-HJKMNP-TV-X]{4}(-[2-9A-HJKMNP-TV-X]{4}){4}$/;

describe('a repair decision document', () => {
  it('is signed, carries a 核验码 the public can check, and stays as issued when the record and the agency change', async ({
    api,
    admin,
    agency,
    entity,
  }) => {
    const named = await api.send('PUT', `/v1/agencies/${agency.uscc}`, {
      token: admin,
      body: { name: '济南市济阳区市场监督管理局' },
    });
    const recordId = await api.publishedPenalty(agency, entity);
    const repairId = await api.repaired(entity, recordId);
    await api.decideRepair(agency.token, repairId, APPROVE);

    const issued = await api.send('GET', `/v1/repairs/${repairId}/decision-document`, {
      token: entity.token,
    });
    const code = issued.json.verificationCode;
    const checked = await api.send('GET', `/v1/verifications/${code}`);
    const typed = await api.send('GET', `/v1/verifications/${code.toLowerCase().replaceAll('-', '')}`);

    await api.send('PUT', `/v1/agencies/${agency.uscc}`, {
      token: admin,
      body: { name: '济南市济阳区综合行政执法局' },
      headers: { 'if-match': named.headers.get('etag') ?? '' },
    });
    const corrected = await api.send('POST', `/v1/records/${recordId}/corrections`, {
      token: agency.token,
      body: { reason: '罚款金额登记错误', changes: { penalty: { fineAmount: 3 } } },
    });
    const later = await api.send('GET', `/v1/repairs/${repairId}/decision-document`, { token: agency.token });
    const html = await api.send('GET', `/v1/repairs/${repairId}/decision-document?format=html`, {
      token: entity.token,
    });

    expect(code).toMatch(CODE);
    expect(issued.json).toMatchObject({
      agencyName: '济南市济阳区市场监督管理局',
      signedOn: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/),
    });
    expect(checked.status).toBe(200);
    expect(checked.json).toEqual({
      code,
      kind: 'repair-decision',
      title: '信用修复决定书',
      number: repairId,
      issuedAt: issued.json.decidedAt,
      issuer: { uscc: agency.uscc, name: '济南市济阳区市场监督管理局' },
      sha256: issued.json.hash,
    });
    expect(typed.json).toEqual(checked.json);
    expect(corrected.status).toBe(200);
    expect(later.json).toEqual(issued.json);
    expect(html.text).toContain(code);
    expect(html.text).toContain('济南市济阳区市场监督管理局');
  });

  it("of a natural person's repair is checked without any personal data", async ({ api, agency, person }) => {
    const recordId = await api.personPenalty(agency, person);
    const repairId = await api.repaired(person, recordId);
    await api.decideRepair(agency.token, repairId, APPROVE);
    const issued = await api.send('GET', `/v1/repairs/${repairId}/decision-document`, {
      token: person.token,
    });

    const checked = await api.send('GET', `/v1/verifications/${issued.json.verificationCode}`);

    expect(issued.json.person.idNumber).toBe(person.idNumber);
    expect(checked.status).toBe(200);
    expect(checked.text).not.toContain(person.idNumber);
    expect(checked.text).not.toContain(issued.json.person.name);
    expect(Object.keys(checked.json).sort()).toEqual([
      'code',
      'issuedAt',
      'issuer',
      'kind',
      'number',
      'sha256',
      'title',
    ]);
  });

  it('is not found for a code never issued, and a malformed code is refused with the field', async ({
    api,
  }) => {
    expectProblem(
      await api.send('GET', '/v1/verifications/2222-2222-2222-2222-2222'),
      404,
      'document_not_found',
    );
    const bad = await api.send('GET', '/v1/verifications/OOOO-1111');
    expectProblem(bad, 400, 'validation_failed', 'path.code');
    expect(bad.json.errors[0].code).toBe('invalid_verification_code');
  });
});
