import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/domain/audit.ts';
import { firstBrokenLink } from '../../shared/domain/audit.ts';
import { makePublicDisclosureUseCases } from '../../shared/domain/records/public-use-cases.ts';
import type { Store } from '../../shared/store/client.ts';
import { freshStore } from '../support/dynamodb.ts';
import { AGENCY, COMPANY, OTHER_AGENCY, OTHER_COMPANY, penaltyInput } from '../support/record-builders.ts';
import { AGENCY_ACTOR } from '../support/timers.ts';
import { EVIDENCE, workflowWorld } from '../support/workflows.ts';

const ENTITY: Actor = { role: 'entity', id: COMPANY };
const shanghai = (local: string) => `${local}+08:00`;
let store: Store;
beforeAll(async () => {
  store = await freshStore();
});

async function publishedRecord(world: ReturnType<typeof workflowWorld>, name = '济阳区异议测试有限公司') {
  const { record } = await world.useCases.register(
    { uscc: AGENCY },
    penaltyInput({ decisionDate: '2026-10-09', subject: { category: 'legal_person', name, uscc: COMPANY } }),
    { publish: true, actor: AGENCY_ACTOR },
  );
  return record;
}

const objectionInput = (recordId: string) => ({
  recordId,
  reason: 'content_error' as const,
  statement: '罚款金额有误',
  evidence: EVIDENCE,
});

describe('filing an objection', () => {
  it('is due in 3 working days, labels the public record and refuses a second pending one', async () => {
    const world = workflowWorld(store, shanghai('2026-10-09T10:00:00'));
    const record = await publishedRecord(world);
    const disclosures = makePublicDisclosureUseCases({ records: world.records });

    const objection = await world.objections.file(COMPANY, objectionInput(record.id), ENTITY);
    const second = world.objections.file(COMPANY, objectionInput(record.id), ENTITY);

    // Fri 10/9 → Sat 10/10 (调休 working day), Mon 10/12, Tue 10/13.
    expect(objection).toMatchObject({ status: 'pending', deadline: { due: '2026-10-13' } });
    await expect(second).rejects.toMatchObject({ code: 'objection_pending' });
    expect((await disclosures.get(record.id)).objection).toEqual({
      status: 'pending',
      filedAt: objection.filedAt,
    });
  });

  it("refuses another entity's record with the same answer as for no record", async () => {
    const world = workflowWorld(store, shanghai('2026-10-09T10:00:00'));
    const record = await publishedRecord(world);

    const caller = { role: 'entity', id: OTHER_COMPANY } as const;

    // Awaited one at a time: a second promise left pending while the first is awaited can
    // reject before anything handles it, which vitest reports as an unhandled rejection.
    await expect(
      world.objections.file(OTHER_COMPANY, objectionInput(record.id), caller),
    ).rejects.toMatchObject({
      code: 'record_not_accessible',
    });
    await expect(
      world.objections.file(OTHER_COMPANY, objectionInput('rec_00000000000000000000000000'), caller),
    ).rejects.toMatchObject({ code: 'record_not_accessible' });
  });
});

describe('deciding an objection', () => {
  it('upheld with a correction: a new version, the label cleared, audit chains intact, the entity told', async () => {
    const world = workflowWorld(store, shanghai('2026-10-09T10:00:00'));
    const record = await publishedRecord(world);
    const objection = await world.objections.file(COMPANY, objectionInput(record.id), ENTITY);

    const decided = await world.objections.decide(
      AGENCY,
      objection.id,
      {
        outcome: 'upheld',
        reason: '金额登记错误',
        correction: { penalty: { fineAmount: 3, content: '罚款人民币叁万元整' } },
      },
      world.validate,
      AGENCY_ACTOR,
    );

    expect(decided).toMatchObject({
      status: 'decided',
      decision: { outcome: 'upheld', effect: 'corrected', recordVersion: 2 },
    });
    const after = await world.records.get(record.id);
    expect(after).toMatchObject({ version: 2, objection: undefined });
    expect(after?.content.kind === 'penalty' && after.content.penalty.fineAmount).toBe(3);
    const events = (await world.events.list({ type: 'objection-decided', limit: 50 })).items;
    expect(events.find((e) => e.subject.id === objection.id)?.subject.entity).toBe(COMPANY);
  });

  it('upheld with revoke takes the record out of public view; rejected leaves it as it was', async () => {
    const world = workflowWorld(store, shanghai('2026-10-09T10:00:00'));
    const [a, b] = [
      await publishedRecord(world, '济阳区撤销异议有限公司'),
      await publishedRecord(world, '济阳区驳回异议有限公司'),
    ];
    const [oa, ob] = [
      await world.objections.file(COMPANY, objectionInput(a.id), ENTITY),
      await world.objections.file(COMPANY, objectionInput(b.id), ENTITY),
    ];

    await world.objections.decide(
      AGENCY,
      oa.id,
      { outcome: 'upheld', reason: '决定已撤销', revoke: true },
      world.validate,
      AGENCY_ACTOR,
    );
    await world.objections.decide(
      AGENCY,
      ob.id,
      { outcome: 'rejected', reason: '事实清楚' },
      world.validate,
      AGENCY_ACTOR,
    );

    expect(await world.records.get(a.id)).toMatchObject({ status: 'revoked' });
    expect(await world.records.get(b.id)).toMatchObject({
      status: 'published',
      version: 1,
      objection: undefined,
    });
  });

  it('lets exactly one of two concurrent decisions win; the record ends in one consistent state', async () => {
    const world = workflowWorld(store, shanghai('2026-10-09T10:00:00'));
    const record = await publishedRecord(world, '济阳区并发异议有限公司');
    const objection = await world.objections.file(COMPANY, objectionInput(record.id), ENTITY);

    const results = await Promise.allSettled([
      world.objections.decide(
        AGENCY,
        objection.id,
        { outcome: 'upheld', reason: 'a', revoke: true },
        world.validate,
        AGENCY_ACTOR,
      ),
      world.objections.decide(
        AGENCY,
        objection.id,
        { outcome: 'rejected', reason: 'b' },
        world.validate,
        AGENCY_ACTOR,
      ),
    ]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason.name).toBe('ConflictError');
    const final = await world.objections.get({ role: 'agency', agency: AGENCY }, objection.id);
    const after = await world.records.get(record.id);
    expect(final.decision?.effect === 'revoked').toBe(after?.status === 'revoked');
  });

  it('escalates an objection not decided within its limit, and the admin list shows it', async () => {
    const world = workflowWorld(store, shanghai('2026-10-09T10:00:00'));
    const record = await publishedRecord(world, '济阳区逾期异议有限公司');
    const objection = await world.objections.file(COMPANY, objectionInput(record.id), ENTITY);

    world.time.set(shanghai('2026-10-14T00:20:00'));
    const report = await world.sweep('objection-deadlines');
    const again = await world.sweep('objection-deadlines');

    expect(report.actions.escalated).toBeGreaterThanOrEqual(1);
    expect(again.actions.escalated).toBeUndefined();
    const escalated = await world.workflows.escalated('objection', { limit: 50 });
    expect(escalated.items.map((o) => o.id)).toContain(objection.id);
    expect(await world.objections.get({ role: 'entity', uscc: COMPANY }, objection.id)).toMatchObject({
      status: 'pending',
      escalatedAt: expect.any(String),
    });
  });

  it('sets the 7-day limit when another unit must help verify, and only the agency of the record may', async () => {
    const world = workflowWorld(store, shanghai('2026-10-09T10:00:00'));
    const record = await publishedRecord(world, '济阳区协查异议有限公司');
    const objection = await world.objections.file(COMPANY, objectionInput(record.id), ENTITY);

    await expect(
      world.objections.accept(OTHER_AGENCY, objection.id, true, { role: 'agency', id: OTHER_AGENCY }),
    ).rejects.toMatchObject({
      code: 'objection_not_accessible',
    });
    const accepted = await world.objections.accept(AGENCY, objection.id, true, AGENCY_ACTOR);

    // 10/10 (Sat, worked), 10/12, 10/13, 10/14, 10/15, 10/16, 10/19.
    expect(accepted).toMatchObject({ needsOtherUnit: true, deadline: { due: '2026-10-19' } });
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const { auditEntryFromItem } = await import('../../shared/store/audit-items.ts');
    const out = await store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': `OBJ#${objection.id}`, ':a': 'AUDIT#' },
      }),
    );
    const trail = (out.Items ?? []).map(auditEntryFromItem);
    expect(trail.map((e) => e.action)).toEqual(['objection.filed', 'objection.accepted']);
    expect(firstBrokenLink(trail)).toBeUndefined();
  });
});

describe('a record with a pending objection', () => {
  it('cannot be revoked until the objection is decided (which can itself revoke it)', async () => {
    const world = workflowWorld(store, shanghai('2026-10-09T10:00:00'));
    const record = await publishedRecord(world, '济阳区待决异议撤销有限公司');
    const objection = await world.objections.file(COMPANY, objectionInput(record.id), ENTITY);

    await expect(world.useCases.revoke(AGENCY, record.id, '决定撤销', AGENCY_ACTOR)).rejects.toMatchObject({
      code: 'workflow_pending',
      details: { objectionId: objection.id },
    });
    await world.objections.decide(
      AGENCY,
      objection.id,
      { outcome: 'upheld', reason: '决定撤销', revoke: true },
      world.validate,
      AGENCY_ACTOR,
    );
    expect(await world.records.get(record.id)).toMatchObject({ status: 'revoked', objection: undefined });
  });
});
