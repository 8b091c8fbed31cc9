import { describe, expect, it } from 'vitest';
import { registered } from '../../support/domain-mothers.ts';
import { domainWorld } from '../../support/domain-world.ts';
import { penaltyInput } from '../../support/record-builders.ts';
import { aCompany } from '../../support/record-mothers.ts';

/** A published penalty of an individual business whose registered name is its operator's. */
async function operatorNamed(world: ReturnType<typeof domainWorld>, name: string, uscc: string) {
  const base = penaltyInput({ decisionDate: '2026-11-20' });
  return registered(
    world,
    {
      ...base,
      subject: { ...base.subject, category: 'individual_business', name, uscc, legalRepresentative: name },
    },
    true,
  );
}

describe('searching public records by a name the public page hides', () => {
  it('does not find an individual business by its operator’s personal name, only by its code', async () => {
    const world = domainWorld();
    const uscc = aCompany();
    const record = await operatorNamed(world, '李建国', uscc);

    const byName = await world.disclosures.search({ name: '李建国', limit: 20 });
    const byCode = await world.disclosures.search({ uscc, limit: 20 });

    expect(byName.items).toEqual([]);
    expect(byCode.items.map((r) => r.id)).toEqual([record.id]);
    expect(byCode.items[0]?.subject.name).not.toContain('李建国');
  });

  it('still finds a business by the words of its name that the page shows', async () => {
    const world = domainWorld();
    const base = penaltyInput({ decisionDate: '2026-11-20' });
    const record = await registered(
      world,
      {
        ...base,
        subject: {
          ...base.subject,
          category: 'individual_business',
          name: '历下区李建国五金店',
          legalRepresentative: '李建国',
        },
      },
      true,
    );

    expect((await world.disclosures.search({ name: '五金店', limit: 20 })).items.map((r) => r.id)).toEqual([
      record.id,
    ]);
    expect((await world.disclosures.search({ name: '李建国', limit: 20 })).items).toEqual([]);
  });
});
