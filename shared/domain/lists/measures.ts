import type { Labels } from '../records/vocabulary.ts';
import type { ListType } from './vocabulary.ts';

/**
 * The matters an agency checks an entity before (应查必查, 济阳意见（十）2): granting a licence,
 * awarding a contract or a tender, funding a project, giving an honour, or anything else.
 */
export const MATTER_TYPES = ['licensing', 'procurement', 'bidding', 'funding', 'honours', 'other'] as const;
export type MatterType = (typeof MATTER_TYPES)[number];

export const MATTER_TYPE_LABELS: Labels<MatterType> = {
  licensing: '行政许可',
  procurement: '政府采购',
  bidding: '招标投标',
  funding: '财政资金',
  honours: '评优评先',
  other: '其他',
};

/** A matter type given by its code or by its Chinese name (the names the opinion uses). */
export function matterTypeOf(value: string): MatterType | undefined {
  if ((MATTER_TYPES as readonly string[]).includes(value)) return value as MatterType;
  return MATTER_TYPES.find((type) => MATTER_TYPE_LABELS[type] === value);
}

/**
 * The measures catalogue (联合惩戒措施清单): each measure, the matters it bears on, and the
 * lists it applies to unless the deciding agency names others. The one declaration: the
 * check's answer, the public list and the statistics all read it.
 */
export const MEASURES = {
  restrict_licensing: {
    label: '审慎审批，限制新增行政许可',
    matters: ['licensing'],
    defaultFor: ['serious_dishonesty'],
  },
  restrict_procurement: {
    label: '限制参加政府采购活动',
    matters: ['procurement'],
    defaultFor: ['serious_dishonesty'],
  },
  restrict_bidding: {
    label: '限制参与招标投标',
    matters: ['bidding'],
    defaultFor: ['serious_dishonesty'],
  },
  restrict_funding: {
    label: '限制申请财政资金支持',
    matters: ['funding'],
    defaultFor: ['serious_dishonesty'],
  },
  restrict_honours: {
    label: '限制参加评优评先',
    matters: ['honours'],
    defaultFor: ['serious_dishonesty'],
  },
  enhanced_supervision: {
    label: '列为重点监管对象，提高抽查比例和频次',
    matters: MATTER_TYPES,
    defaultFor: ['serious_dishonesty', 'key_attention'],
  },
} as const satisfies Record<
  string,
  { label: string; matters: readonly MatterType[]; defaultFor: readonly ListType[] }
>;

export type MeasureCode = keyof typeof MEASURES;
export const MEASURE_CODES = Object.keys(MEASURES) as MeasureCode[];

export const MEASURE_LABELS: Labels<MeasureCode> = Object.fromEntries(
  MEASURE_CODES.map((code) => [code, MEASURES[code].label]),
) as Labels<MeasureCode>;

/** The measures a list applies when the agency names none. */
export function defaultMeasures(type: ListType): MeasureCode[] {
  return MEASURE_CODES.filter((code) => (MEASURES[code].defaultFor as readonly ListType[]).includes(type));
}

/** Of `measures`, those that bear on a matter of `type`. */
export function measuresFor(measures: readonly MeasureCode[], type: MatterType): MeasureCode[] {
  return measures.filter((code) => (MEASURES[code].matters as readonly MatterType[]).includes(type));
}
