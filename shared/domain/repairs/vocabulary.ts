import type { Labels } from '../records/vocabulary.ts';

/** The words of credit repair (信用修复): the states of an application and the agency's outcomes. */

export const REPAIR_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const REPAIR_STATUS_LABELS: Labels<RepairStatus> = {
  pending: '审核中',
  approved: '已同意修复',
  rejected: '未予修复',
};

export const REPAIR_OUTCOMES = ['approved', 'rejected'] as const;
export type RepairOutcome = (typeof REPAIR_OUTCOMES)[number];
