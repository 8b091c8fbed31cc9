import { describe, expect, it } from 'vitest';
import { penaltyOf, registered } from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, domainWorld } from '../../support/domain-world.ts';
import { AGENCY } from '../../support/record-builders.ts';

describe('a document number after its record was revoked', () => {
  it('takes a new decision under the same number as a new record', async () => {
    const world = domainWorld();
    const original = penaltyOf('2026-06-01');
    const first = await registered(world, original, true);
    await world.recordUseCases.revoke(AGENCY, first.id, '决定被依法撤销', AGENCY_ACTOR);

    const redecided = await registered(world, { ...original, decisionDate: '2026-11-20' }, true);

    expect(redecided.id).not.toBe(first.id);
    expect(redecided).toMatchObject({
      status: 'published',
      content: { documentNumber: original.documentNumber },
    });
    expect(world.table.records.get(first.id)?.status).toBe('revoked');
  });

  it('still answers the revoked decision itself, sent again, with the revoked record', async () => {
    const world = domainWorld();
    const original = penaltyOf('2026-06-01');
    const first = await registered(world, original, true);
    await world.recordUseCases.revoke(AGENCY, first.id, '决定被依法撤销', AGENCY_ACTOR);

    const again = await world.recordUseCases.register({ uscc: AGENCY }, original, { actor: AGENCY_ACTOR });

    expect(again).toMatchObject({ created: false, record: { id: first.id, status: 'revoked' } });
  });

  it('keeps a number of a record that stands: other content under it is still refused', async () => {
    const world = domainWorld();
    const original = penaltyOf('2026-06-01');
    await registered(world, original, true);

    await expect(registered(world, { ...original, decisionDate: '2026-11-20' })).rejects.toMatchObject({
      code: 'document_number_conflict',
    });
  });
});
