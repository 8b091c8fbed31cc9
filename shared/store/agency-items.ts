import type { StoredAgency } from '../domain/agencies/agency.ts';
import { GENESIS } from '../domain/audit.ts';
import { chainHeadOf } from './audit-items.ts';

/**
 * The whole directory lives in one partition (`AGENCIES`, one item per agency, `AGY#<uscc>`),
 * so it is read with one Query, never a Scan; it holds a few hundred small items. Each
 * agency's audit chain has a partition of its own (`AGYLOG#<uscc>`), so the directory's Query
 * reads no audit entries and each chain is verified like any other aggregate's.
 */
export const AGENCY_PARTITION = 'AGENCIES';
export const AGENCY_SK_PREFIX = 'AGY#';

export const agencyKey = (uscc: string) => ({ pk: AGENCY_PARTITION, sk: `${AGENCY_SK_PREFIX}${uscc}` });
export const agencyAuditPartition = (uscc: string) => `AGYLOG#${uscc}`;

export function agencyToItem(stored: StoredAgency): Record<string, unknown> {
  const { agency } = stored;
  return {
    ...agencyKey(agency.uscc),
    type: 'agency',
    uscc: agency.uscc,
    name: agency.name,
    ...(agency.shortName === undefined ? {} : { shortName: agency.shortName }),
    version: stored.version,
    updatedAt: stored.updatedAt,
    auditSeq: stored.head.seq,
    auditHash: stored.head.hash,
  };
}

export function agencyFromItem(item: Record<string, unknown>): StoredAgency {
  return {
    agency: {
      uscc: item.uscc as string,
      name: item.name as string,
      ...(typeof item.shortName === 'string' ? { shortName: item.shortName } : {}),
    },
    version: item.version as number,
    updatedAt: item.updatedAt as string,
    head: chainHeadOf(item) ?? GENESIS,
  };
}
