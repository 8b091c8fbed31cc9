import type { Labels } from '../records/vocabulary.ts';

/*
 * 信用承诺 as 信用中国 publishes them (国办发〔2020〕42号; 山东省社会信用条例 第32条): five types,
 * three states of keeping (履约状态).
 */

export const COMMITMENT_TYPES = [
  'approval_substitute',
  'certification',
  'voluntary',
  'industry_self_discipline',
  'credit_repair',
] as const;
export type CommitmentType = (typeof COMMITMENT_TYPES)[number];

export const COMMITMENT_TYPE_LABELS: Labels<CommitmentType> = {
  approval_substitute: '审批替代型',
  certification: '证明事项型',
  voluntary: '主动型',
  industry_self_discipline: '行业自律型',
  credit_repair: '信用修复型',
};

/** What an agency registers: any commitment made to it (告知承诺 above all), but no repair one. */
export const AGENCY_COMMITMENT_TYPES = [
  'approval_substitute',
  'certification',
  'voluntary',
  'industry_self_discipline',
] as const;
/** Made of the entity's own accord: the entity registers them, naming the receiving agency. */
export const ENTITY_COMMITMENT_TYPES = ['voluntary', 'industry_self_discipline'] as const;
/** 信用修复型 ones come from repair applications, never from this route. */

export const COMMITMENT_STATUSES = ['in_force', 'kept', 'broken'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const COMMITMENT_STATUS_LABELS: Labels<CommitmentStatus> = {
  in_force: '履约中',
  kept: '已履约',
  broken: '未履约',
};
