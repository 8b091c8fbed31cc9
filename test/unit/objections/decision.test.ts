import { describe, expect, it } from 'vitest';
import {
  decidedObjection,
  objected,
  penaltyOf,
  publishedPenalty,
  registered,
} from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, domainWorld } from '../../support/domain-world.ts';
import { AGENCY, COMPANY, OTHER_AGENCY } from '../../support/record-builders.ts';

const FINE_CORRECTED = {
  outcome: 'upheld',
  reason: '罚款金额录入错误',
  correction: { penalty: { fineAmount: 3 } },
} as const;

describe('an objection upheld with a correction', () => {
  it('makes a new version of the record, the old one in its history, and names the version', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const decided = await decidedObjection(world, objection.id, FINE_CORRECTED);

    const stored = world.table.records.get(record.id);
    expect(decided).toMatchObject({
      status: 'decided',
      decision: {
        outcome: 'upheld',
        reason: '罚款金额录入错误',
        at: '2026-12-04T02:00:00.000Z',
        effect: 'corrected',
        recordVersion: 2,
      },
    });
    expect(stored?.version).toBe(2);
    expect(stored?.content.kind === 'penalty' && stored.content.penalty.fineAmount).toBe(3);
    expect(stored?.history).toEqual([
      {
        version: 2,
        at: '2026-12-04T02:00:00.000Z',
        reason: '异议成立：罚款金额录入错误',
        changedFields: ['penalty.fineAmount'],
        previous: record.content,
      },
    ]);
  });

  it('clears the 异议处理中 label: the public sees version 2 without it', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    await decidedObjection(world, objection.id, FINE_CORRECTED);

    const shown = await world.disclosures.get(record.id);
    expect(world.table.records.get(record.id)?.objection).toBeUndefined();
    expect(shown.objection).toBeUndefined();
    expect(shown).toMatchObject({ version: 2, details: { fineAmount: 3 } });
  });

  it('counts the disclosure deadline again from a corrected decision date, and judges the publication by it', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await publishedPenalty(world, '2026-11-02');
    expect(record.publication).toMatchObject({ onTime: false });
    const objection = await objected(world, record.id);

    await decidedObjection(world, objection.id, {
      outcome: 'upheld',
      reason: '决定日期录入错误',
      correction: { decisionDate: '2026-11-27' },
    });

    // From Friday 11/27: 11/30, 12/1, 12/2, 12/3, 12/4, 12/7, 12/8; published 12/4, in time.
    const stored = world.table.records.get(record.id);
    expect(stored?.disclosure).toMatchObject({ due: '2026-12-08', dueAt: '2026-12-09T00:00:00+08:00' });
    expect(stored?.publication).toMatchObject({ onTime: true, workingDaysLate: 0, workingDaysToPublish: 5 });
  });

  it('writes objection.upheld and record.corrected_on_objection, and tells the entity', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const decided = await decidedObjection(world, objection.id, FINE_CORRECTED);

    expect(world.table.auditOf('objection', objection.id).map((e) => e.action)).toEqual([
      'objection.filed',
      'objection.upheld',
    ]);
    expect(world.table.auditOf('record', record.id).map((e) => e.action)).toEqual([
      'record.registered_and_published',
      'record.objection_filed',
      'record.corrected_on_objection',
    ]);
    expect(world.table.eventsOfType('objection-decided')).toEqual([
      {
        id: `${objection.id}.${decided.revision}.objection-decided`,
        type: 'objection-decided',
        at: '2026-12-04T02:00:00.000Z',
        subject: { kind: 'objection', id: objection.id, agency: AGENCY, entity: COMPANY },
        data: { recordId: record.id, outcome: 'upheld', effect: 'corrected' },
      },
    ]);
  });

  it('closes the objection’s handling deadline', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    await decidedObjection(world, objection.id, FINE_CORRECTED);

    expect(world.table.deadlines.has(`objection-due#${objection.id}`)).toBe(false);
  });
});

describe('a correction an upheld objection cannot make', () => {
  it('is one that changes nothing, naming the correction; the objection stays pending', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const attempt = decidedObjection(world, objection.id, {
      outcome: 'upheld',
      reason: '罚款金额',
      correction: { penalty: { fineAmount: 5 } },
    });

    await expect(attempt).rejects.toMatchObject({ code: 'nothing_changed', field: 'correction' });
    expect(world.table.objections.get(objection.id)?.status).toBe('pending');
    expect(world.table.records.get(record.id)).toMatchObject({ version: 1, objection: { id: objection.id } });
  });

  it('is a change of the kind of action', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const attempt = decidedObjection(world, objection.id, {
      outcome: 'upheld',
      reason: '类别错误',
      correction: { kind: 'license' },
    });

    await expect(attempt).rejects.toMatchObject({ code: 'kind_unchangeable', field: 'correction.kind' });
  });

  it('is a decision date after today in Asia/Shanghai', async () => {
    const world = domainWorld('2026-12-04T23:30:00+08:00');
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const attempt = decidedObjection(world, objection.id, {
      outcome: 'upheld',
      reason: '决定日期录入错误',
      correction: { decisionDate: '2026-12-05' },
    });

    await expect(attempt).rejects.toMatchObject({
      code: 'decision_date_in_future',
      field: 'correction.decisionDate',
    });
  });

  it('is a document number another record of the agency holds; nothing is written', async () => {
    const world = domainWorld();
    const other = await publishedPenalty(world, '2026-11-03');
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);
    const writes = world.table.writes;

    const attempt = decidedObjection(world, objection.id, {
      outcome: 'upheld',
      reason: '文书号录入错误',
      correction: { documentNumber: other.content.documentNumber },
    });

    await expect(attempt).rejects.toMatchObject({
      code: 'document_number_conflict',
      field: 'correction.documentNumber',
    });
    expect(world.table.writes).toBe(writes);
    expect(world.table.objections.get(objection.id)?.status).toBe('pending');
  });

  it('is one that makes an invalid record, which the route’s validation refuses', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const attempt = decidedObjection(world, objection.id, {
      outcome: 'upheld',
      reason: '处罚种类',
      correction: { penalty: { categories: [] } },
    });

    await expect(attempt).rejects.toThrow(/categories|too_small|Too small/i);
    expect(world.table.objections.get(objection.id)?.status).toBe('pending');
  });
});

describe('an objection upheld with revocation', () => {
  it('revokes the record, giving the objection as the reason, and takes it out of public view', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const decided = await decidedObjection(world, objection.id, {
      outcome: 'upheld',
      reason: '处罚决定已被复议撤销',
      revoke: true,
    });

    expect(decided.decision).toMatchObject({ outcome: 'upheld', effect: 'revoked' });
    expect(decided.decision?.recordVersion).toBeUndefined();
    expect(world.table.records.get(record.id)).toMatchObject({
      status: 'revoked',
      version: 1,
      objection: undefined,
      revocation: { at: '2026-12-04T02:00:00.000Z', reason: '异议成立：处罚决定已被复议撤销' },
    });
    await expect(world.disclosures.get(record.id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
    expect(world.table.auditOf('record', record.id).at(-1)?.action).toBe('record.revoked_on_objection');
    expect(world.table.eventsOfType('objection-decided')[0]?.data).toEqual({
      recordId: record.id,
      outcome: 'upheld',
      effect: 'revoked',
    });
  });
});

describe('an objection rejected', () => {
  it('leaves the record’s content as it was, clears the label and tells the entity why', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const decided = await decidedObjection(world, objection.id, {
      outcome: 'rejected',
      reason: '公示内容与处罚决定书一致。',
    });

    const stored = world.table.records.get(record.id);
    expect(decided.decision).toMatchObject({
      outcome: 'rejected',
      reason: '公示内容与处罚决定书一致。',
      effect: 'none',
    });
    expect(stored).toMatchObject({ status: 'published', version: 1, content: record.content, history: [] });
    expect(stored?.objection).toBeUndefined();
    expect((await world.disclosures.get(record.id)).objection).toBeUndefined();
    expect(world.table.auditOf('objection', objection.id).at(-1)?.action).toBe('objection.rejected');
    expect(world.table.auditOf('record', record.id).at(-1)?.action).toBe('record.objection_closed');
    expect(world.table.eventsOfType('objection-decided')[0]?.data).toEqual({
      recordId: record.id,
      outcome: 'rejected',
      effect: 'none',
    });
  });
});

describe('deciding an objection again', () => {
  it('is refused, and the first decision stands', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);
    await decidedObjection(world, objection.id, { outcome: 'rejected', reason: '公示内容无误。' });

    const again = decidedObjection(world, objection.id, { outcome: 'upheld', reason: '复查', revoke: true });

    await expect(again).rejects.toMatchObject({ code: 'objection_already_decided' });
    expect(world.table.objections.get(objection.id)?.decision?.outcome).toBe('rejected');
    expect(world.table.records.get(record.id)?.status).toBe('published');
  });
});

describe('who may decide an objection', () => {
  it('is only the agency of the record', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const attempt = world.objections.decide(
      OTHER_AGENCY,
      objection.id,
      { outcome: 'upheld', reason: '越权', revoke: true },
      world.validate,
      { role: 'agency', id: OTHER_AGENCY },
    );

    await expect(attempt).rejects.toMatchObject({ code: 'objection_not_accessible' });
    expect(world.table.records.get(record.id)?.status).toBe('published');
  });
});

describe('a record with a pending objection', () => {
  it('cannot be revoked by its agency until the objection is decided', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const early = world.recordUseCases.revoke(AGENCY, record.id, '原处罚决定已撤销', AGENCY_ACTOR);
    await expect(early).rejects.toMatchObject({
      code: 'workflow_pending',
      details: { objectionId: objection.id },
    });
    await decidedObjection(world, objection.id, { outcome: 'rejected', reason: '公示内容无误。' });
    const revoked = await world.recordUseCases.revoke(AGENCY, record.id, '原处罚决定已撤销', AGENCY_ACTOR);

    expect(revoked.status).toBe('revoked');
  });

  it('keeps its label through a correction the agency makes meanwhile', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const corrected = await world.recordUseCases.correct(
      AGENCY,
      record.id,
      { changes: { remarks: '补充说明' }, reason: '补充备注' },
      world.validate,
      AGENCY_ACTOR,
    );

    expect(corrected.objection).toEqual({ id: objection.id, filedAt: objection.filedAt });
    expect((await world.disclosures.get(record.id)).objection).toMatchObject({ status: 'pending' });
  });

  it('may be corrected by the objection into a record the public may not see, which leaves public view', async () => {
    const world = domainWorld();
    const record = await registered(world, penaltyOf('2026-11-02'), true);
    const objection = await objected(world, record.id);

    await decidedObjection(world, objection.id, {
      outcome: 'upheld',
      reason: '处罚系简易程序作出',
      correction: { penalty: { procedure: 'simplified', fineAmount: 0.02 } },
    });

    expect(world.table.records.get(record.id)).toMatchObject({ status: 'published', version: 2 });
    await expect(world.disclosures.get(record.id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
  });
});
