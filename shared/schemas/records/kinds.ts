/**
 * The ten kinds and their fixed vocabularies. Plain constants, kept apart from the schemas in
 * kind-details.ts so that functions which only name kinds do not build those schemas at start.
 */

export const RECORD_KINDS = [
  'license',
  'penalty',
  'coercion',
  'confirmation',
  'levy',
  'payment',
  'ruling',
  'compensation',
  'reward',
  'inspection',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const KIND_LABELS: Record<RecordKind, string> = {
  license: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  confirmation: '行政确认',
  levy: '行政征收',
  payment: '行政给付',
  ruling: '行政裁决',
  compensation: '行政补偿',
  reward: '行政奖励',
  inspection: '行政监督检查',
};

/** 处罚类别 (2021 wording), plus the 2019 standard's older wording, accepted as written. */
export const PENALTY_CATEGORIES = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '行政拘留',
  '其他',
  '没收违法所得、没收非法财物',
  '暂扣或者吊销许可证、暂扣或者吊销执照',
  '法律、行政法规规定的其他行政处罚',
] as const;

/** Categories that on their own make a penalty minor and unpublished (NDRC Order No. 36). */
export const MINOR_ONLY_CATEGORIES: ReadonlySet<string> = new Set(['警告', '通报批评']);

export const LICENSE_CATEGORIES = ['普通', '特许', '认可', '核准', '登记', '其他'] as const;
