import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/domain/audit.ts';
import { firstBrokenLink } from '../../shared/domain/audit.ts';
import { calendarYearsFrom } from '../../shared/domain/calendar/use-cases.ts';
import { AccessDeniedError, ConflictError } from '../../shared/domain/errors.ts';
import { makePublicDisclosureUseCases } from '../../shared/domain/records/public-use-cases.ts';
import { makeRecordUseCases, type RecordUseCases } from '../../shared/domain/records/use-cases.ts';
import { recordInputSchema } from '../../shared/schemas/records/record-input.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import type { Store } from '../../shared/store/client.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { freshStore } from '../support/dynamodb.ts';
import { AGENCY, COMPANY, OTHER_AGENCY, penaltyInput } from '../support/record-builders.ts';

const ACTOR: Actor = { role: 'agency', id: AGENCY };
const now = new Date('2026-10-09T02:00:00Z'); // Friday 2026-10-09, 10:00 in Shanghai
const clock = () => now;
const validate = (content: unknown) => recordInputSchema.parse(content);

let store: Store;
let records: RecordUseCases;

beforeAll(async () => {
  store = await freshStore();
  records = makeRecordUseCases({
    records: recordRepository(store),
    calendarYears: calendarYearsFrom(calendarRepository(store)),
    clock,
  });
});

describe('registering and publishing on DynamoDB Local', () => {
  it('sets the disclosure deadline seven working days after the decision, past the National Day holiday', async () => {
    const { record, created } = await records.register(
      { uscc: AGENCY },
      penaltyInput({ decisionDate: '2026-09-30' }),
      { actor: ACTOR },
    );

    expect(created).toBe(true);
    expect(record.status).toBe('registered');
    expect(record.disclosure).toEqual({
      due: '2026-10-15',
      dueAt: '2026-10-16T00:00:00+08:00',
      provisional: false,
      reminderAt: '2026-10-15T00:00:00+08:00',
    });
  });

  it('returns the existing record for the same body, and refuses other content under the same number', async () => {
    const input = penaltyInput();
    const first = await records.register({ uscc: AGENCY }, input, { actor: ACTOR });

    const again = await records.register({ uscc: AGENCY }, input, { actor: ACTOR });
    const different = records.register({ uscc: AGENCY }, { ...input, remarks: '不同' }, { actor: ACTOR });

    expect(again).toMatchObject({ created: false, record: { id: first.record.id } });
    await expect(different).rejects.toMatchObject({ code: 'document_number_conflict' });
  });

  it('creates one record when the same registration arrives twenty times at once', async () => {
    const input = penaltyInput();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => records.register({ uscc: AGENCY }, input, { actor: ACTOR })),
    );

    expect(new Set(answers.map((a) => a.record.id)).size).toBe(1);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
  });

  it('publishes on time before the deadline and says how many working days late after it', async () => {
    const onTime = await records.register({ uscc: AGENCY }, penaltyInput({ decisionDate: '2026-09-30' }), {
      actor: ACTOR,
    });
    const late = await records.register({ uscc: AGENCY }, penaltyInput({ decisionDate: '2026-09-01' }), {
      actor: ACTOR,
    });

    const published = await records.publish(AGENCY, onTime.record.id, ACTOR);
    const publishedLate = await records.publish(AGENCY, late.record.id, ACTOR);

    expect(published.publication).toMatchObject({ by: 'agency', onTime: true, workingDaysLate: 0 });
    // due 2026-09-10; published 2026-10-09: 9/11..9/30 (14), 10/9 (1), 10/8 (1) = 16 working days late
    expect(late.record.disclosure.due).toBe('2026-09-10');
    expect(publishedLate.publication).toMatchObject({ onTime: false, workingDaysLate: 16 });
  });

  it('refuses to publish twice, and lets exactly one of concurrent publishes win', async () => {
    const { record } = await records.register({ uscc: AGENCY }, penaltyInput(), { actor: ACTOR });

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => records.publish(AGENCY, record.id, ACTOR)),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
    const trail = await auditTrail(record.id);
    expect(trail.map((e) => e.action)).toEqual(['record.registered', 'record.published']);
  });

  it('never lets another agency read or change a record, and answers alike for ids that do not exist', async () => {
    const { record } = await records.register({ uscc: AGENCY }, penaltyInput(), { actor: ACTOR });

    await expect(records.publish(OTHER_AGENCY, record.id, ACTOR)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(records.get(OTHER_AGENCY, record.id)).rejects.toMatchObject({
      code: 'record_not_accessible',
    });
    await expect(records.get(AGENCY, 'rec_00000000000000000000000000')).rejects.toMatchObject({
      code: 'record_not_accessible',
    });
  });
});

describe('corrections and revocations', () => {
  it('keeps the old version in the history and moves the public index with the new name', async () => {
    const { record } = await records.register(
      { uscc: AGENCY },
      penaltyInput({
        subject: { category: 'legal_person', name: '济阳区旧名称商贸有限公司', uscc: COMPANY },
      }),
      {
        publish: true,
        actor: ACTOR,
      },
    );
    const disclosures = makePublicDisclosureUseCases({ records: recordRepository(store) });

    const corrected = await records.correct(
      AGENCY,
      record.id,
      { reason: '名称登记错误', changes: { subject: { name: '济阳区新名称商贸有限公司' } } },
      validate,
      ACTOR,
    );

    expect(corrected.version).toBe(2);
    expect(corrected.history[0]).toMatchObject({
      version: 2,
      reason: '名称登记错误',
      changedFields: ['subject.name'],
    });
    expect((await disclosures.search({ name: '旧名称', limit: 10 })).items).toEqual([]);
    expect((await disclosures.search({ name: '新名称', limit: 10 })).items.map((r) => r.id)).toEqual([
      record.id,
    ]);
    expect(firstBrokenLink(await auditTrail(record.id))).toBeUndefined();
  });

  it('takes a revoked record out of every public answer, and refuses further changes', async () => {
    const { record } = await records.register(
      { uscc: AGENCY },
      penaltyInput({ subject: { category: 'legal_person', name: '济阳区撤销测试有限公司', uscc: COMPANY } }),
      {
        publish: true,
        actor: ACTOR,
      },
    );
    const disclosures = makePublicDisclosureUseCases({ records: recordRepository(store) });

    await records.revoke(AGENCY, record.id, '行政处罚决定被撤销', ACTOR);

    expect((await disclosures.search({ name: '撤销测试', limit: 10 })).items).toEqual([]);
    await expect(disclosures.get(record.id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
    await expect(records.revoke(AGENCY, record.id, 'again', ACTOR)).rejects.toMatchObject({
      code: 'record_revoked',
    });
  });
});

async function auditTrail(id: string) {
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const out = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
      ExpressionAttributeValues: { ':pk': `REC#${id}`, ':a': 'AUDIT#' },
    }),
  );
  const { auditEntryFromItem } = await import('../../shared/store/audit-items.ts');
  return (out.Items ?? []).map(auditEntryFromItem);
}

describe('very long names', () => {
  /** 81 different characters, so 80 different bigrams: the most a name is indexed by. */
  const longName = (first: number) =>
    Array.from({ length: 81 }, (_, i) => String.fromCharCode(first + i * 3)).join('');

  it('renames a record whose index changes do not fit one transaction, in two steps, searchable by any part', async () => {
    const oldName = longName(0x4e00);
    const newName = longName(0x5e00);
    const { record } = await records.register(
      { uscc: AGENCY },
      penaltyInput({ subject: { category: 'legal_person', name: oldName, uscc: COMPANY } }),
      { publish: true, actor: ACTOR },
    );
    const disclosures = makePublicDisclosureUseCases({ records: recordRepository(store) });

    const renamed = await records.correct(
      AGENCY,
      record.id,
      { reason: '名称变更', changes: { subject: { name: newName } } },
      validate,
      ACTOR,
    );

    expect(renamed.nameIndexPending).toBeUndefined();
    const tail = newName.slice(-4);
    expect((await disclosures.search({ name: tail, limit: 50 })).items.map((r) => r.id)).toContain(record.id);
    expect(
      (await disclosures.search({ name: oldName.slice(0, 4), limit: 50 })).items.map((r) => r.id),
    ).not.toContain(record.id);
    const trail = await auditTrail(record.id);
    expect(trail.map((e) => e.action)).toEqual([
      'record.registered_and_published',
      'record.corrected',
      'record.name_index_completed',
    ]);
    expect(firstBrokenLink(trail)).toBeUndefined();
  });
});
