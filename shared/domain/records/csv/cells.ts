import {
  ID_TYPE_LABELS,
  type IdType,
  type Labels,
  LICENSE_STATUS_LABELS,
  PROCEDURE_LABELS,
  SECTOR_LABELS,
  SEVERITY_LABELS,
  SUBJECT_CATEGORY_LABELS,
} from '../vocabulary.ts';

/**
 * What a CSV cell becomes in a record input. Labels become codes, dates YYYY-MM-DD, amounts
 * numbers, where that is faithful; anything else is passed on as written, so validation
 * names the field and the value instead of this module guessing.
 */

/** A label (or one of its usual other spellings) → its code. */
function codesByLabel<Code extends string>(
  labels: Labels<Code>,
  aliases: Readonly<Record<string, Code>> = {},
): ReadonlyMap<string, Code> {
  const entries = Object.entries(labels) as [Code, string][];
  return new Map<string, Code>([
    ...entries.map(([code, label]) => [label, code] as const),
    ...(Object.entries(aliases) as [string, Code][]),
  ]);
}

const SUBJECT_CATEGORY_BY_LABEL = codesByLabel(SUBJECT_CATEGORY_LABELS, {
  法人和非法人组织: 'legal_person',
});
const ID_TYPE_BY_LABEL = codesByLabel(ID_TYPE_LABELS, { 居民身份证: 'resident_id', 护照: 'passport' });
const SEVERITY_BY_LABEL = codesByLabel(SEVERITY_LABELS);
const PROCEDURE_BY_LABEL = codesByLabel(PROCEDURE_LABELS, { 普通: 'ordinary', 简易: 'simplified' });
const LICENSE_STATUS_BY_LABEL = codesByLabel(LICENSE_STATUS_LABELS);
const SECTOR_BY_LABEL = codesByLabel(SECTOR_LABELS, {
  特种设备安全: 'special_equipment',
  消防安全: 'fire_safety',
  其他: 'other',
});

/**
 * The code of a 证件类型 label. The standard writes other documents as `其他-<name>`
 * (其他-军官证); the schema keeps only `other`, so the name after the dash is not kept.
 */
export function idTypeFromLabel(label: string): IdType | undefined {
  return ID_TYPE_BY_LABEL.get(label) ?? (/^其他[-－—–:：]/.test(label) ? 'other' : undefined);
}

/** An unknown label is passed on as written, so validation names the field and the value. */
const byLabel = (labels: ReadonlyMap<string, string>) => (value: string) => labels.get(value) ?? value;

/** The shortest decimal spelling of a number: no `+`, no leading or trailing zeros. */
function canonicalDecimal(value: string): string {
  const [whole = '', fraction = ''] = value.replace(/^\+/, '').split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  return `${sign}${digits}${decimals ? `.${decimals}` : ''}`;
}

/**
 * 万元 as a number when the text is a plain decimal that a JS number holds exactly; anything
 * else (`1,000`, `约5万`, 20 significant digits) stays text, so validation rejects it rather
 * than this module silently rounding it.
 */
function toAmount(value: string): number | string {
  if (!/^[+-]?\d+(\.\d+)?$/.test(value)) return value;
  const amount = Number(value);
  return String(amount) === canonicalDecimal(value) ? amount : value;
}

/** YYYY-MM-DD from YYYY-MM-DD, YYYY/MM/DD (also Excel's YYYY/M/D) or YYYYMMDD. */
function toIsoDate(value: string): string {
  const parts = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(value) ?? /^(\d{4})()(\d{2})(\d{2})$/.exec(value);
  if (!parts) return value;
  const [, year, , month = '', day = ''] = parts;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * 处罚类别 lists several categories. Only `;` `；` `,` `，` separate them: `、` cannot, since
 * the 2019 wording itself contains it (没收违法所得、没收非法财物; 法律、行政法规规定的其他行政处罚).
 */
const toCategories = (value: string) =>
  value
    .split(/[;；,，]/)
    .map((category) => category.trim())
    .filter((category) => category !== '');

export const CONVERSIONS = {
  text: (value: string): unknown => value,
  amount: toAmount,
  date: toIsoDate,
  categories: toCategories,
  subjectCategory: byLabel(SUBJECT_CATEGORY_BY_LABEL),
  idType: (value: string) => idTypeFromLabel(value) ?? value,
  severity: byLabel(SEVERITY_BY_LABEL),
  procedure: byLabel(PROCEDURE_BY_LABEL),
  licenseStatus: byLabel(LICENSE_STATUS_BY_LABEL),
  sector: byLabel(SECTOR_BY_LABEL),
} as const;
export type Conversion = keyof typeof CONVERSIONS;
