import { describe, expect, it } from 'vitest';
import {
  appliedForRepair,
  objected,
  penaltyOf,
  publishedPenalty,
  registered,
} from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, domainWorld } from '../../support/domain-world.ts';
import { AGENCY, COMPANY } from '../../support/record-builders.ts';
import { naturalPersonPenalty, simplifiedPenalty, warningOnlyPenalty } from '../../support/record-mothers.ts';

describe('what the public reads', () => {
  it('reads a published record, masked, and nothing that is not in public view', async () => {
    const world = domainWorld();
    const shown = await publishedPenalty(world, '2026-11-02');
    const unpublished = await registered(world, penaltyOf('2026-11-03'));
    const revoked = await publishedPenalty(world, '2026-11-04');
    await world.recordUseCases.revoke(AGENCY, revoked.id, '撤销', AGENCY_ACTOR);

    const record = await world.disclosures.get(shown.id);

    expect(record).toMatchObject({ id: shown.id, kindLabel: '行政处罚', subject: { uscc: COMPANY } });
    expect(JSON.stringify(record)).not.toContain('11010519491231002X');
    for (const id of [unpublished.id, revoked.id, 'rec_00000000000000000000000000']) {
      await expect(world.disclosures.get(id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
    }
  });

  it.each([
    ['a natural person', naturalPersonPenalty],
    ['the simplified procedure', simplifiedPenalty],
    ['a warning alone', warningOnlyPenalty],
  ])('never shows a published penalty about %s, even where the index offers it', async (_, build) => {
    const world = domainWorld();
    const hidden = await registered(world, build({ decisionDate: '2026-11-02' }), true);

    const search = await world.disclosures.search({ agency: AGENCY, limit: 10 });

    expect(hidden.status).toBe('published');
    expect(search.items).toEqual([]);
    await expect(world.disclosures.get(hidden.id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
  });

  it('shows an entity its own public records with what it has pending on each', async () => {
    const world = domainWorld();
    const disputed = await publishedPenalty(world, '2026-06-01');
    const repairing = await publishedPenalty(world, '2026-06-02');
    const objection = await objected(world, disputed.id);
    const repair = await appliedForRepair(world, repairing.id);

    const page = await world.disclosures.forEntity(COMPANY, { limit: 10 });

    expect(page.items).toEqual([
      expect.objectContaining({
        id: repairing.id,
        pendingRepair: { id: repair.id, filedAt: repair.filedAt },
      }),
      expect.objectContaining({
        id: disputed.id,
        objection: { status: 'pending', filedAt: objection.filedAt },
        pendingObjection: { id: objection.id, filedAt: objection.filedAt },
      }),
    ]);
  });
});
