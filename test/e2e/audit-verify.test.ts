import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { officialYearBody } from '../support/calendar-builders.ts';
import { commitmentClient } from '../support/commitment-mothers.ts';
import { describe, expect, it, type TestService } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import { listClient } from '../support/list-mothers.ts';
import { AGENCY, COMPANY, penaltyInput } from '../support/record-builders.ts';

// The record builders' agency and company: the records this file registers name them.
it.override('agency', ({ parties }) => parties.agency(AGENCY));
it.override('entity', ({ parties }) => parties.entity(COMPANY));

/** Every page of GET /v1/admin/audit/verify, as one list of problems and a count of chains. */
async function verifyAll(service: TestService, admin: string, limit = 3) {
  const problems: { chain: string; problem: string }[] = [];
  let checked = 0;
  let cursor: string | undefined;
  do {
    const page = await call(
      service.url,
      'GET',
      `/v1/admin/audit/verify?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      { token: admin },
    );
    expect(page.status).toBe(200);
    problems.push(...page.json.problems);
    checked += page.json.checked;
    cursor = page.json.cursor;
  } while (cursor);
  return { problems, checked };
}

describe('GET /v1/admin/audit/verify', () => {
  it('finds every chain intact after records, corrections, objections and a calendar load, page by page', async ({
    service,
    agency,
    entity,
    admin,
  }) => {
    const [a, b] = await Promise.all([
      call(service.url, 'POST', '/v1/records', {
        token: agency.token,
        body: { ...penaltyInput(), publish: true },
      }),
      call(service.url, 'POST', '/v1/records', { token: agency.token, body: penaltyInput() }),
    ]);
    await call(service.url, 'POST', `/v1/records/${b.json.id}/corrections`, {
      token: agency.token,
      body: { reason: '更正', changes: { remarks: '补充说明' } },
    });
    await call(service.url, 'POST', '/v1/objections', {
      token: entity.token,
      body: { recordId: a.json.id, reason: 'other', statement: '说明', evidence: [] },
    });
    await call(service.url, 'PUT', '/v1/calendar/2040', { token: admin, body: officialYearBody(2040) });

    const result = await verifyAll(service, admin);

    expect(result.problems).toEqual([]);
    // Two records, one objection, one calendar year.
    expect(result.checked).toBe(4);
  });

  it('finds the chains of a list entry, a check, commitments (a repair one too) and a credit report intact', async ({
    service,
    api,
    parties,
    admin,
  }) => {
    const agency = await parties.agency();
    const entity = await parties.entity();
    const before = await verifyAll(service, admin, 50);
    const lists = listClient(service);
    const entry = await lists.listed(agency, entity);
    await lists.checked(agency, entity.uscc);
    const commitments = commitmentClient(service);
    const commitment = await commitments.committed(agency, entity);
    await call(service.url, 'POST', `/v1/commitments/${commitment}/verification`, {
      token: agency.token,
      body: { finding: '属实' },
    });
    await api.repaired(entity, await api.publishedPenalty(agency, entity));
    await commitments.reported(entity, 'special');

    const after = await verifyAll(service, admin, 50);

    expect(entry).toMatch(/^lst_/);
    expect(after.problems).toEqual([]);
    // The entry, the check, two commitments, the report; two penalties and the repair.
    expect(after.checked - before.checked).toBeGreaterThanOrEqual(8);
  });

  it('reports a record altered directly in DynamoDB, and an altered audit entry', async ({
    service,
    agency,
    admin,
    store,
  }) => {
    const { json } = await call(service.url, 'POST', '/v1/records', {
      token: agency.token,
      body: { ...penaltyInput(), publish: true },
    });
    const { client, tableName } = store;

    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `REC#${json.id}`, sk: 'REC' },
        UpdateExpression: 'SET content.penalty.fineAmount = :f',
        ExpressionAttributeValues: { ':f': 0.01 },
      }),
    );
    const afterRecord = await verifyAll(service, admin, 50);
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `REC#${json.id}`, sk: 'AUDIT#0000000001' },
        UpdateExpression: 'SET #a = :a',
        ExpressionAttributeNames: { '#a': 'action' },
        ExpressionAttributeValues: { ':a': 'record.nothing_happened' },
      }),
    );
    const afterEntry = await verifyAll(service, admin, 50);

    expect(afterRecord.problems).toEqual([{ chain: `REC#${json.id}`, problem: 'state-mismatch', seq: 1 }]);
    expect(afterEntry.problems).toEqual([{ chain: `REC#${json.id}`, problem: 'broken-link', seq: 1 }]);
  });

  it('is for the credit office only', async ({ service, agency }) => {
    expect((await call(service.url, 'GET', '/v1/admin/audit/verify', { token: agency.token })).status).toBe(
      403,
    );
    expect((await call(service.url, 'GET', '/v1/admin/audit/verify')).status).toBe(401);
  });
});
