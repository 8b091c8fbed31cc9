import { describe, expect, it } from 'vitest';
import { REPAIR_MATERIALS } from '../../../shared/domain/policy/repair-materials.ts';
import { repairStanding } from '../../../shared/domain/repairs/eligibility.ts';
import { appliedForRepair, penaltyOf, registered } from '../../support/domain-mothers.ts';
import { domainWorld } from '../../support/domain-world.ts';
import { COMPANY, licenseInput } from '../../support/record-builders.ts';

const entity = { role: 'entity', uscc: COMPANY } as const;
const at = (instant: string) => new Date(instant);

describe('repairStanding', () => {
  it('names the first day of a general penalty under Order No. 36 (3 months + 1 day) and is eligible from then', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await registered(world, penaltyOf('2026-06-10', { severity: 'general' }), true);

    const before = repairStanding(record, at('2026-09-10T23:59:00+08:00'), entity);
    const on = repairStanding(record, at('2026-09-11T00:00:00+08:00'), entity);

    expect(before).toEqual({
      eligible: false,
      code: 'minimum_period_not_over',
      reason: '最短公示期未满，2026-09-11 起方可申请',
      from: '2026-09-11',
      materials: REPAIR_MATERIALS.general,
    });
    expect(on).toEqual({ eligible: true, materials: REPAIR_MATERIALS.general });
  });

  it('asks a serious penalty for its rectification report too', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await registered(world, penaltyOf('2026-06-10', { severity: 'serious' }), true);

    const standing = repairStanding(record, at('2026-12-04T10:00:00+08:00'), entity);

    expect(standing?.materials.map((m) => m.name)).toContain('整改情况报告');
    expect(standing).toMatchObject({ eligible: false, from: '2027-06-11' });
  });

  it('says a penalty marked not repairable never is, and gives no date', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await registered(world, penaltyOf('2026-04-10', { repairable: false }), true);

    const standing = repairStanding(record, at('2026-12-04T10:00:00+08:00'), entity);

    expect(standing).toMatchObject({ eligible: false, code: 'not_repairable' });
    expect(standing?.from).toBeUndefined();
  });

  it('says a penalty with a pending application cannot take another', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await registered(world, penaltyOf('2026-06-01'), true);
    await appliedForRepair(world, record.id);
    const marked = world.table.records.get(record.id);

    expect(marked && repairStanding(marked, at('2026-12-04T10:00:00+08:00'), entity)).toMatchObject({
      eligible: false,
      code: 'repair_pending',
    });
  });

  it('has nothing to say of a licence', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await registered(world, licenseInput(), true);

    expect(repairStanding(record, at('2026-12-04T10:00:00+08:00'), entity)).toBeUndefined();
  });
});
