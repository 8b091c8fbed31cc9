/**
 * The words of disclosure records: every fixed set of codes a record uses, each with its
 * Chinese label. The zod schemas, the CSV import and the website's generated words all read
 * these; nothing else spells a code list or a label out again.
 */

/** Codes with a Chinese label each. */
export type Labels<Code extends string> = Readonly<Record<Code, string>>;

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

export const KIND_LABELS: Labels<RecordKind> = {
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

export const RECORD_STATUSES = ['registered', 'published', 'revoked'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** A record's state as its agency reads it on the workbench. */
export const RECORD_STATUS_LABELS: Labels<RecordStatus> = {
  registered: '已登记，未公示',
  published: '已公示',
  revoked: '已撤销',
};

/** 行政相对人类别 of the data standard. */
export const SUBJECT_CATEGORIES = ['legal_person', 'individual_business', 'natural_person'] as const;
export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];

export const SUBJECT_CATEGORY_LABELS: Labels<SubjectCategory> = {
  legal_person: '法人及非法人组织',
  individual_business: '个体工商户',
  natural_person: '自然人',
};

/** 证件类型 of the data standard, as codes. */
export const ID_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_resident_id',
  'other',
] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Labels<IdType> = {
  resident_id: '身份证',
  passport: '护照号',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent_resident_id: '外国人永久居留身份证',
  other: '其他',
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

/** 失信程度 of a penalty: it sets the publication periods (policy/publication-periods.ts). */
export const SEVERITIES = ['minor', 'general', 'serious'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Labels<Severity> = { minor: '轻微', general: '一般', serious: '严重' };

/**
 * 所属领域 of a penalty, where it sets the publication periods: NDRC Order No. 58 gives
 * 特种设备、安全生产、消防 a minimum of one year before repair (policy/publication-periods.ts).
 */
export const SECTORS = ['special_equipment', 'work_safety', 'fire_safety', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Labels<Sector> = {
  special_equipment: '特种设备',
  work_safety: '安全生产',
  fire_safety: '消防',
  other: '其他领域',
};

/** 限制从业 and 限制开展生产经营活动: a restriction that lasts, whose length can set the period. */
export const RESTRICTION_CATEGORIES: ReadonlySet<string> = new Set(['限制从业', '限制开展生产经营活动']);

/** 处罚程序: a penalty under the simplified procedure is never published. */
export const PROCEDURES = ['ordinary', 'simplified'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const PROCEDURE_LABELS: Labels<Procedure> = { ordinary: '普通程序', simplified: '简易程序' };

/** 许可类别 of the data standard; the codes are the standard's own Chinese words. */
export const LICENSE_CATEGORIES = ['普通', '特许', '认可', '核准', '登记', '其他'] as const;

/** 当前状态 of a licence. */
export const LICENSE_STATUSES = ['valid', 'invalid'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export const LICENSE_STATUS_LABELS: Labels<LicenseStatus> = { valid: '有效', invalid: '无效' };
