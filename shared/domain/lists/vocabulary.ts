import type { Labels } from '../records/vocabulary.ts';

/**
 * The two lists of the opinion's section (八): 严重失信主体名单 (国办发〔2020〕49号, formerly
 * 失信联合惩戒对象名单) and the 重点关注名单 for entities below that line.
 */
export const LIST_TYPES = ['serious_dishonesty', 'key_attention'] as const;
export type ListType = (typeof LIST_TYPES)[number];

export const LIST_TYPE_LABELS: Labels<ListType> = {
  serious_dishonesty: '严重失信主体名单',
  key_attention: '重点关注名单',
};

/**
 * An entry's life: proposed (拟列入, the entity told and heard), then listed (列入, public) or
 * not listed (不予列入); a listed entry is removed (移出) at the end of its validity, early
 * through credit repair, or when an objection finds it wrong.
 */
export const ENTRY_STATUSES = ['proposed', 'listed', 'not_listed', 'removed'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const ENTRY_STATUS_LABELS: Labels<EntryStatus> = {
  proposed: '拟列入',
  listed: '已列入',
  not_listed: '不予列入',
  removed: '已移出',
};

export const LISTING_OUTCOMES = ['list', 'not_list'] as const;
export type ListingOutcome = (typeof LISTING_OUTCOMES)[number];

export const LISTING_OUTCOME_LABELS: Labels<ListingOutcome> = {
  list: '决定列入',
  not_list: '决定不予列入',
};

export const REMOVAL_REASONS = ['expired', 'early_exit', 'objection_upheld'] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export const REMOVAL_REASON_LABELS: Labels<RemovalReason> = {
  expired: '有效期届满移出',
  early_exit: '信用修复提前移出',
  objection_upheld: '异议成立移出',
};

/** What a party files against a listed entry: an objection (异议) or early exit (提前移出). */
export const ENTRY_FILING_KINDS = ['objection', 'exit'] as const;
export type EntryFilingKind = (typeof ENTRY_FILING_KINDS)[number];

export const ENTRY_FILING_LABELS: Labels<EntryFilingKind> = {
  objection: '名单异议',
  exit: '提前移出（信用修复）申请',
};

export const FILING_OUTCOMES = ['upheld', 'rejected'] as const;
export type FilingOutcome = (typeof FILING_OUTCOMES)[number];

export const FILING_OUTCOME_LABELS: Labels<FilingOutcome> = {
  upheld: '成立（予以移出）',
  rejected: '不成立（维持列入）',
};
