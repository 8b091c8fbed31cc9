import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/store/client.ts';
import { officialYearBody } from '../support/calendar-builders.ts';
import { call } from '../support/http.ts';
import { startTestService, type TestService } from '../support/local-service.ts';
import { AGENCY, COMPANY, penaltyInput } from '../support/record-builders.ts';

let service: TestService;
let admin: string;
let agency: string;
let entity: string;

beforeAll(async () => {
  service = await startTestService();
  [admin, agency, entity] = await Promise.all([
    service.token('--role admin'),
    service.token(`--role agency --agency ${AGENCY}`),
    service.token(`--role entity --uscc ${COMPANY}`),
  ]);
});
afterAll(() => service.stop());

/** Every page of GET /v1/admin/audit/verify, as one list of problems and a count of chains. */
async function verifyAll(limit = 3) {
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
  it('finds every chain intact after records, corrections, objections and a calendar load, page by page', async () => {
    const [a, b] = await Promise.all([
      call(service.url, 'POST', '/v1/records', { token: agency, body: { ...penaltyInput(), publish: true } }),
      call(service.url, 'POST', '/v1/records', { token: agency, body: penaltyInput() }),
    ]);
    await call(service.url, 'POST', `/v1/records/${b.json.id}/corrections`, {
      token: agency,
      body: { reason: '更正', changes: { remarks: '补充说明' } },
    });
    await call(service.url, 'POST', '/v1/objections', {
      token: entity,
      body: { recordId: a.json.id, reason: 'other', statement: '说明', evidence: [] },
    });
    await call(service.url, 'PUT', '/v1/calendar/2040', { token: admin, body: officialYearBody(2040) });

    const result = await verifyAll();

    expect(result.problems).toEqual([]);
    // Two records, one objection, one calendar year.
    expect(result.checked).toBe(4);
  });

  it('reports a record altered directly in DynamoDB, and an altered audit entry', async () => {
    const { json } = await call(service.url, 'POST', '/v1/records', {
      token: agency,
      body: { ...penaltyInput(), publish: true },
    });
    const client = createDocumentClient({ endpoint: service.dynamodbEndpoint });
    const tableName = process.env.TABLE_NAME ?? '';

    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `REC#${json.id}`, sk: 'REC' },
        UpdateExpression: 'SET content.penalty.fineAmount = :f',
        ExpressionAttributeValues: { ':f': 0.01 },
      }),
    );
    const afterRecord = await verifyAll(50);
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `REC#${json.id}`, sk: 'AUDIT#0000000001' },
        UpdateExpression: 'SET #a = :a',
        ExpressionAttributeNames: { '#a': 'action' },
        ExpressionAttributeValues: { ':a': 'record.nothing_happened' },
      }),
    );
    const afterEntry = await verifyAll(50);

    expect(afterRecord.problems).toEqual([{ chain: `REC#${json.id}`, problem: 'state-mismatch', seq: 1 }]);
    expect(afterEntry.problems).toEqual([{ chain: `REC#${json.id}`, problem: 'broken-link', seq: 1 }]);
  });

  it('is for the credit office only', async () => {
    expect((await call(service.url, 'GET', '/v1/admin/audit/verify', { token: agency })).status).toBe(403);
    expect((await call(service.url, 'GET', '/v1/admin/audit/verify')).status).toBe(401);
  });
});
