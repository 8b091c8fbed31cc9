import type { IsoDate } from '../dates.ts';
import { REPAIR_MATERIALS, type RepairMaterial } from '../policy/repair-materials.ts';
import type { DisclosureRecord } from '../records/record.ts';
import type { Filer } from '../workflows/party.ts';
import { repairRefusal } from './repair.ts';

/**
 * Whether a record can be repaired now, said before anyone files: the very refusal the repair
 * use case would give (repairRefusal), so the form and the API cannot disagree; when not yet,
 * from which date; and the materials its class needs.
 */
export interface RepairStanding {
  readonly eligible: boolean;
  /** The refusal's stable code (e.g. minimum_period_not_over, not_repairable). */
  readonly code?: string | undefined;
  /** Why not, in Chinese, as the refusal says it. */
  readonly reason?: string | undefined;
  /** The first day an application is taken, when only time stands in the way. */
  readonly from?: IsoDate | undefined;
  readonly materials: readonly RepairMaterial[];
}

/** The standing of a penalty record; undefined for any other kind (no repair applies). */
export function repairStanding(record: DisclosureRecord, at: Date, filer: Filer): RepairStanding | undefined {
  if (record.content.kind !== 'penalty') return undefined;
  const materials = REPAIR_MATERIALS[record.content.penalty.severity];
  const refusal = repairRefusal(record, at, filer);
  if (!refusal) return { eligible: true, materials };
  const from = refusal.details?.firstAllowedDate;
  return {
    eligible: false,
    code: refusal.code,
    reason: refusal.messages.zh,
    ...(typeof from === 'string' ? { from } : {}),
    materials,
  };
}
