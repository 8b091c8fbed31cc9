import { describe, expect, it } from 'vitest';
import { penaltyOf, publishedPenalty, registered } from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, domainWorld } from '../../support/domain-world.ts';
import { AGENCY, OTHER_AGENCY } from '../../support/record-builders.ts';

describe('registering a record', () => {
  it('sets the disclosure deadline seven working days after the decision, past the National Day holiday', async () => {
    const world = domainWorld();

    const record = await registered(world, penaltyOf('2026-09-30'));

    expect(record.status).toBe('registered');
    expect(record.disclosure).toEqual({
      due: '2026-10-15',
      dueAt: '2026-10-16T00:00:00+08:00',
      provisional: false,
      reminderAt: '2026-10-15T00:00:00+08:00',
    });
    expect(world.table.auditOf('record', record.id).map((e) => e.action)).toEqual(['record.registered']);
  });

  it('marks a deadline that reaches into a year without a State Council notice as provisional', async () => {
    const world = domainWorld('2026-12-28T10:00:00+08:00');

    const record = await registered(world, penaltyOf('2026-12-28'));

    expect(record.disclosure).toMatchObject({ due: '2027-01-07', provisional: true });
  });

  it('refuses a decision dated after today in Asia/Shanghai, naming the field', async () => {
    const world = domainWorld('2026-12-04T23:30:00+08:00');

    await expect(registered(world, penaltyOf('2026-12-05'))).rejects.toMatchObject({
      code: 'decision_date_in_future',
      field: 'decisionDate',
    });
    expect(world.table.records.size).toBe(0);
  });

  it('refuses a future decision before it looks at the document number', async () => {
    const world = domainWorld();
    const first = await registered(world, penaltyOf('2026-12-01'));
    const later = { ...penaltyOf('2026-12-05'), documentNumber: first.content.documentNumber };

    await expect(registered(world, later)).rejects.toMatchObject({ code: 'decision_date_in_future' });
  });

  it('returns the existing record for the same content, and refuses other content under the same number', async () => {
    const world = domainWorld();
    const input = penaltyOf('2026-11-02');
    const first = await registered(world, input);

    const again = await world.recordUseCases.register({ uscc: AGENCY }, input, { actor: AGENCY_ACTOR });
    const other = world.recordUseCases.register(
      { uscc: AGENCY },
      { ...input, penalty: { ...input.penalty, fineAmount: 9 } },
      { actor: AGENCY_ACTOR },
    );

    expect(again).toEqual({ record: first, created: false });
    await expect(other).rejects.toMatchObject({ code: 'document_number_conflict', field: 'documentNumber' });
    expect(world.table.records.size).toBe(1);
  });

  it('lets another agency use the same document number', async () => {
    const world = domainWorld();
    const input = penaltyOf('2026-11-02');
    await registered(world, input);

    const { created } = await world.recordUseCases.register({ uscc: OTHER_AGENCY }, input, {
      actor: { role: 'agency', id: OTHER_AGENCY },
    });

    expect(created).toBe(true);
  });

  it('answers two identical registrations at once with one record', async () => {
    const world = domainWorld();
    const input = penaltyOf('2026-11-02');

    const answers = await Promise.all(
      [1, 2, 3].map(() => world.recordUseCases.register({ uscc: AGENCY }, input, { actor: AGENCY_ACTOR })),
    );

    expect(new Set(answers.map((a) => a.record.id)).size).toBe(1);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(world.table.records.size).toBe(1);
  });

  it('publishes in the same write when asked, and finishes a retried register-and-publish', async () => {
    const world = domainWorld();
    const input = penaltyOf('2026-12-01');
    const first = await registered(world, input);

    const retried = await registered(world, input, true);
    const fresh = await registered(world, penaltyOf('2026-12-01'), true);

    expect(retried).toMatchObject({ id: first.id, status: 'published' });
    expect(world.table.auditOf('record', first.id).map((e) => e.action)).toEqual([
      'record.registered',
      'record.published',
    ]);
    expect(world.table.auditOf('record', fresh.id).map((e) => e.action)).toEqual([
      'record.registered_and_published',
    ]);
  });
});

describe('publishing a record', () => {
  it('is on time up to the end of the deadline, and counts the working days it took', async () => {
    const world = domainWorld('2026-10-15T23:59:00+08:00');
    const record = await registered(world, penaltyOf('2026-09-30'));

    const published = await world.recordUseCases.publish(AGENCY, record.id, AGENCY_ACTOR);

    expect(published.publication).toEqual({
      at: '2026-10-15T15:59:00.000Z',
      by: 'agency',
      onTime: true,
      workingDaysLate: 0,
      workingDaysToPublish: 7,
    });
  });

  it('says by how many working days it was late, counting the adjusted working Saturday', async () => {
    const world = domainWorld('2026-10-12T09:00:00+08:00');
    const record = await registered(world, penaltyOf('2026-09-28'));
    world.time.set('2026-10-14T09:00:00+08:00');

    const published = await world.recordUseCases.publish(AGENCY, record.id, AGENCY_ACTOR);

    // Day 0 is 9/28; then 9/29, 9/30, (National Day) 10/8, 10/9, Saturday 10/10 (调休), 10/12, 10/13.
    expect(record.disclosure.due).toBe('2026-10-13');
    expect(published.publication).toMatchObject({
      onTime: false,
      workingDaysLate: 1,
      workingDaysToPublish: 8,
    });
  });

  it('refuses a record already published, and a revoked one', async () => {
    const world = domainWorld();
    const published = await publishedPenalty(world);
    const revoked = await world.recordUseCases.revoke(AGENCY, published.id, '决定已撤销', AGENCY_ACTOR);

    await expect(world.recordUseCases.publish(AGENCY, revoked.id, AGENCY_ACTOR)).rejects.toMatchObject({
      code: 'record_revoked',
    });
    const other = await publishedPenalty(world);
    await expect(world.recordUseCases.publish(AGENCY, other.id, AGENCY_ACTOR)).rejects.toMatchObject({
      code: 'already_published',
    });
  });

  it('lets exactly one of two concurrent publishes win', async () => {
    const world = domainWorld();
    const record = await registered(world, penaltyOf('2026-12-01'));

    const results = await Promise.allSettled([
      world.recordUseCases.publish(AGENCY, record.id, AGENCY_ACTOR),
      world.recordUseCases.publish(AGENCY, record.id, AGENCY_ACTOR),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'record_changed' },
    });
  });
});

describe('an agency and its records', () => {
  it("gets the same refusal for another agency's record as for one that does not exist", async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);

    const theirs = world.recordUseCases.get(OTHER_AGENCY, record.id);
    const none = world.recordUseCases.get(AGENCY, 'rec_00000000000000000000000000');

    await expect(theirs).rejects.toMatchObject({ code: 'record_not_accessible' });
    await expect(none).rejects.toMatchObject({ code: 'record_not_accessible' });
    await expect(
      world.recordUseCases.revoke(OTHER_AGENCY, record.id, '无权', AGENCY_ACTOR),
    ).rejects.toMatchObject({
      code: 'record_not_accessible',
    });
  });

  it('lists its unpublished records, and with overdue only those past their deadline', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const late = await registered(world, penaltyOf('2026-11-02'));
    const due = await registered(world, penaltyOf('2026-12-03'));
    await publishedPenalty(world, '2026-12-01');

    const all = await world.recordUseCases.worklist(AGENCY, {
      status: 'registered',
      overdue: false,
      limit: 10,
    });
    const overdue = await world.recordUseCases.worklist(AGENCY, {
      status: 'registered',
      overdue: true,
      limit: 10,
    });

    expect(all.items.map((r) => r.id)).toEqual([late.id, due.id]);
    expect(overdue.items.map((r) => r.id)).toEqual([late.id]);
  });
});
