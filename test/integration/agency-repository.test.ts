import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../shared/domain/errors.ts';
import { agencyAuditPartition } from '../../shared/store/agency-items.ts';
import { agencyRepository } from '../../shared/store/agency-repository.ts';
import type { Store } from '../../shared/store/client.ts';
import { freshStore } from '../support/dynamodb.ts';
import { anAgency } from '../support/record-mothers.ts';

const ADMIN = { role: 'admin', id: 'office' } as const;
let store: Store;

beforeAll(async () => {
  store = await freshStore();
});

describe('the agency repository on DynamoDB Local', () => {
  it('keeps entries and lists them all with one query of their partition', async () => {
    const agencies = agencyRepository(store);
    const [a, b] = [anAgency(), anAgency()];
    await agencies.put({ uscc: a, name: '甲局', shortName: '甲' }, undefined, {
      actor: ADMIN,
      at: '2026-12-01T00:00:00Z',
    });
    await agencies.put({ uscc: b, name: '乙局' }, undefined, { actor: ADMIN, at: '2026-12-01T00:00:00Z' });

    const listed = await agencies.list();

    expect(listed.map((s) => s.agency)).toEqual(
      expect.arrayContaining([
        { uscc: a, name: '甲局', shortName: '甲' },
        { uscc: b, name: '乙局' },
      ]),
    );
    expect(await agencies.get(a)).toMatchObject({ version: 1, updatedAt: '2026-12-01T00:00:00Z' });
  });

  it('renames over the version read, appends an audit entry, and refuses a lost race', async () => {
    const agencies = agencyRepository(store);
    const uscc = anAgency();
    const first = await agencies.put({ uscc, name: '原名局' }, undefined, {
      actor: ADMIN,
      at: '2026-12-01T00:00:00Z',
    });

    const second = await agencies.put({ uscc, name: '新名局' }, first, {
      actor: ADMIN,
      at: '2026-12-02T00:00:00Z',
    });
    const lost = agencies.put({ uscc, name: '另名局' }, first, { actor: ADMIN, at: '2026-12-03T00:00:00Z' });

    await expect(lost).rejects.toThrow(ConflictError);
    expect(second.version).toBe(2);
    expect((await agencies.get(uscc))?.agency.name).toBe('新名局');
    const audit = await store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': agencyAuditPartition(uscc) },
      }),
    );
    expect(audit.Items?.map((i) => [i.seq, i.action])).toEqual([
      [1, 'agency.named'],
      [2, 'agency.renamed'],
    ]);
  });
});
