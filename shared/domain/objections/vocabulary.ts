import type { Labels } from '../records/vocabulary.ts';

/** The words of objections (异议): grounds, states, outcomes and what an outcome did to the record. */

/**
 * 异议事由: what about a published record the entity contests (山东省社会信用条例 第39条).
 * `secret_or_privacy`: the record discloses a trade secret or private data. 条例 第6条 and
 * 第24条(二) forbid that, and 第39条 lets the subject object to a 披露 that infringes its rights.
 */
export const OBJECTION_REASONS = [
  'content_error',
  'omission',
  'period',
  'repair_result',
  'secret_or_privacy',
  'other',
] as const;
export type ObjectionReason = (typeof OBJECTION_REASONS)[number];

export const OBJECTION_REASON_LABELS: Labels<ObjectionReason> = {
  content_error: '公示内容有误',
  omission: '信息遗漏',
  period: '公示期限有误',
  repair_result: '对信用修复结果有异议',
  secret_or_privacy: '侵犯商业秘密或个人隐私',
  other: '其他',
};

/**
 * What an upheld objection's change to a record (a correction or a revocation) says before
 * the decision's reason, in the record's history.
 */
export const UPHELD_PREFIX = '异议成立：';

export const OBJECTION_STATUSES = ['pending', 'decided'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const OBJECTION_STATUS_LABELS: Labels<ObjectionStatus> = { pending: '处理中', decided: '已处理' };

export const OBJECTION_OUTCOMES = ['upheld', 'rejected'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

export const OBJECTION_OUTCOME_LABELS: Labels<ObjectionOutcome> = {
  upheld: '异议成立',
  rejected: '异议不成立',
};

export const OBJECTION_EFFECTS = ['corrected', 'revoked', 'none'] as const;
export type ObjectionEffect = (typeof OBJECTION_EFFECTS)[number];

export const OBJECTION_EFFECT_LABELS: Labels<ObjectionEffect> = {
  corrected: '公示信息已更正',
  revoked: '公示信息已撤销',
  none: '公示信息不变',
};
