import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../shared/domain/errors.ts';
import { MAX_VERSIONS } from '../../../shared/domain/records/transitions.ts';
import { objected, penaltyOf, publishedPenalty, registered } from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, type DomainWorld, domainWorld } from '../../support/domain-world.ts';
import { AGENCY, COMPANY } from '../../support/record-builders.ts';

/** 81 different characters: 80 different bigrams, the most a name is indexed by. */
const longName = (first: number) =>
  Array.from({ length: 81 }, (_, i) => String.fromCharCode(first + i * 3)).join('');

/** A published record named with 80 bigrams, so renaming it to another such name is too large for one transaction. */
const longNamed = (world: DomainWorld) =>
  registered(
    world,
    {
      ...penaltyOf('2026-11-02'),
      subject: { category: 'legal_person', name: longName(0x4e00), uscc: COMPANY },
    },
    true,
  );

const correct = (world: DomainWorld, id: string, changes: Record<string, unknown>, reason = '更正罚款金额') =>
  world.recordUseCases.correct(AGENCY, id, { changes, reason }, world.validate, AGENCY_ACTOR);

describe('correcting a record', () => {
  it('makes a new version and keeps the one it replaced in the history', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    const corrected = await correct(world, record.id, { penalty: { fineAmount: 3 } });

    expect(corrected.version).toBe(2);
    expect(corrected.content).toEqual({
      ...record.content,
      penalty: { ...penaltyOf().penalty, fineAmount: 3 },
    });
    expect(corrected.history).toEqual([
      {
        version: 2,
        at: '2026-12-04T02:00:00.000Z',
        reason: '更正罚款金额',
        changedFields: ['penalty.fineAmount'],
        previous: record.content,
      },
    ]);
    expect(world.table.auditOf('record', record.id).at(-1)?.action).toBe('record.corrected');
  });

  it('removes an optional field named with null, and validates the merged record as a whole', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    const corrected = await correct(world, record.id, { remarks: '补充说明' });
    const removed = await correct(world, record.id, { remarks: null });
    const invalid = correct(world, record.id, { penalty: { categories: [] } });

    expect(corrected.content.remarks).toBe('补充说明');
    expect(removed.content).not.toHaveProperty('remarks');
    await expect(invalid).rejects.toThrow(/categories|Too small|too_small/i);
    expect(world.table.records.get(record.id)?.version).toBe(3);
  });

  it('refuses a correction that changes nothing, naming the changes', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    await expect(correct(world, record.id, { penalty: { fineAmount: 5 } })).rejects.toMatchObject({
      code: 'nothing_changed',
      field: 'changes',
    });
  });

  it('refuses to change the kind of action: that is a new record', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    const attempt = correct(world, record.id, { kind: 'license' });

    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({ code: 'kind_unchangeable', field: 'changes.kind' });
  });

  it('refuses a decision date after today, naming where the request carried it', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    await expect(correct(world, record.id, { decisionDate: '2026-12-05' })).rejects.toMatchObject({
      code: 'decision_date_in_future',
      field: 'changes.decisionDate',
    });
  });

  it('counts the disclosure deadline again from a corrected decision date, and judges the publication by it', async () => {
    const world = domainWorld('2026-10-20T10:00:00+08:00');
    const record = await registered(world, penaltyOf('2026-10-19'), true);
    expect(record.publication).toMatchObject({ onTime: true, workingDaysToPublish: 1 });

    const corrected = await correct(world, record.id, { decisionDate: '2026-09-25' }, '决定日期录入错误');

    // From 9/25: 9/28, 9/29, 9/30, 10/8, 10/9, 10/10 (调休), 10/12 → due 10/12, published 10/20.
    expect(corrected.disclosure).toMatchObject({ due: '2026-10-12', dueAt: '2026-10-13T00:00:00+08:00' });
    expect(corrected.publication).toMatchObject({
      onTime: false,
      workingDaysLate: 6,
      workingDaysToPublish: 13,
    });
  });

  it('drops the overdue mark when a corrected decision date gives more time', async () => {
    const world = domainWorld('2026-11-02T10:00:00+08:00', { autoPublish: false });
    const record = await registered(world, penaltyOf('2026-10-19'));
    world.time.set('2026-11-03T10:00:00+08:00');
    await world.sweep('disclosure-deadlines');
    expect(world.table.records.get(record.id)?.overdue).toBeDefined();

    const corrected = await correct(world, record.id, { decisionDate: '2026-11-02' }, '决定日期录入错误');

    expect(corrected.overdue).toBeUndefined();
    expect(corrected.disclosure.due).toBe('2026-11-11');
  });

  it('moves the document number: the new one must be free, and the old one is given up', async () => {
    const world = domainWorld();
    const taken = await publishedPenalty(world, '2026-11-02');
    const record = await publishedPenalty(world, '2026-11-03');

    const clash = correct(world, record.id, { documentNumber: taken.content.documentNumber });
    const moved = await correct(world, record.id, { documentNumber: '济市监罚〔2026〕9999号' });
    const reused = await registered(world, {
      ...penaltyOf('2026-11-04'),
      documentNumber: record.content.documentNumber,
    });

    await expect(clash).rejects.toMatchObject({
      code: 'document_number_conflict',
      field: 'changes.documentNumber',
    });
    expect(moved.content.documentNumber).toBe('济市监罚〔2026〕9999号');
    expect(reused.id).not.toBe(record.id);
  });

  it(`keeps at most ${MAX_VERSIONS} versions of a record`, async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    for (let fine = 1; fine < MAX_VERSIONS; fine++)
      await correct(world, record.id, { penalty: { fineAmount: 100 + fine } });

    await expect(correct(world, record.id, { penalty: { fineAmount: 1 } })).rejects.toMatchObject({
      code: 'too_many_versions',
    });
    expect(world.table.records.get(record.id)?.version).toBe(MAX_VERSIONS);
  });

  it('renames a record whose index changes do not fit one transaction in two consistent steps', async () => {
    const world = domainWorld();
    const record = await longNamed(world);
    const newName = longName(0x5e00);

    const renamed = await correct(world, record.id, { subject: { name: newName } }, '名称变更');

    expect(renamed).toMatchObject({ version: 2, nameIndexPending: undefined });
    expect(world.table.auditOf('record', record.id).map((e) => e.action)).toEqual([
      'record.registered_and_published',
      'record.corrected',
      'record.name_index_completed',
    ]);
    const byNewName = await world.disclosures.search({ name: newName.slice(-4), limit: 10 });
    const byOldName = await world.disclosures.search({ name: longName(0x4e00).slice(0, 4), limit: 10 });
    expect(byNewName.items.map((r) => r.id)).toEqual([record.id]);
    expect(byOldName.items).toEqual([]);
  });

  it('leaves the second step of a large rename to the sweep when it fails, and the sweep completes it', async () => {
    const world = domainWorld();
    const record = await longNamed(world);
    const save = world.records.save;
    let saves = 0;
    world.records.save = async (...args) => {
      saves++;
      // The first try (too large) and the first step go through; the second step fails.
      if (saves === 3) throw new Error('the store went away');
      return save(...args);
    };

    await expect(
      correct(world, record.id, { subject: { name: longName(0x5e00) } }, '名称变更'),
    ).rejects.toThrow('the store went away');
    world.records.save = save;
    expect(world.table.records.get(record.id)?.nameIndexPending).toBeDefined();
    const report = await world.sweep('deadline-recompute');

    expect(report.actions).toEqual({ 'name-index-completed': 1 });
    expect(world.table.records.get(record.id)?.nameIndexPending).toBeUndefined();
  });
});

describe('revoking a record', () => {
  it('takes it out of public view for good, with its reason, and refuses every later change', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    const revoked = await world.recordUseCases.revoke(
      AGENCY,
      record.id,
      '原处罚决定已被复议撤销',
      AGENCY_ACTOR,
    );

    expect(revoked).toMatchObject({
      status: 'revoked',
      revocation: { at: '2026-12-04T02:00:00.000Z', reason: '原处罚决定已被复议撤销' },
    });
    await expect(world.disclosures.get(record.id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
    await expect(world.recordUseCases.revoke(AGENCY, record.id, '再次', AGENCY_ACTOR)).rejects.toMatchObject({
      code: 'record_revoked',
    });
    await expect(correct(world, record.id, { penalty: { fineAmount: 1 } })).rejects.toMatchObject({
      code: 'record_revoked',
    });
  });

  it('waits for a pending objection to be decided, naming it', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const attempt = world.recordUseCases.revoke(AGENCY, record.id, '撤销', AGENCY_ACTOR);

    await expect(attempt).rejects.toMatchObject({
      code: 'workflow_pending',
      details: { objectionId: objection.id },
    });
    expect(world.table.records.get(record.id)?.status).toBe('published');
  });
});
