import * as z from 'zod';
import { DETAIL_FIELDS, describeField } from '../../domain/records/fields.ts';
import {
  LICENSE_CATEGORIES,
  LICENSE_STATUSES,
  PENALTY_CATEGORIES,
  PROCEDURES,
  type RecordKind,
  SECTORS,
  SEVERITIES,
} from '../../domain/records/vocabulary.ts';
import { isoDate } from '../common.ts';
import { issue } from '../issue.ts';
import { line, text, wanYuan } from '../text.ts';

const ordered = (from: string | undefined, to: string | undefined) => !from || !to || from <= to;
const rangeIssue = issue(
  'invalid_range',
  '有效期起始日不能晚于截止日',
  'the validity must not end before it starts',
);

/** A field's description in the API document, from the domain's words for it. */
// The return types are written out: the words' tables are typed by these schemas, so
// inferring them here would go round in a circle.
function about(kind: RecordKind, field: string): { description: string } {
  return { description: describeField(DETAIL_FIELDS[kind], field) };
}

const penalty = (field: string): { description: string } => about('penalty', field);
const license = (field: string): { description: string } => about('license', field);

export const penaltySchema = z
  .strictObject({
    violationType: line(200).meta(penalty('violationType')),
    facts: text(4000).meta(penalty('facts')),
    basis: text(2000).meta(penalty('basis')),
    categories: z
      .array(z.enum(PENALTY_CATEGORIES))
      .min(1)
      .max(PENALTY_CATEGORIES.length)
      .refine(
        (c) => new Set(c).size === c.length,
        issue('duplicate_category', '处罚类别重复', 'a category is listed twice'),
      )
      .meta(penalty('categories')),
    content: text(4000).meta(penalty('content')),
    fineAmount: wanYuan.optional().meta(penalty('fineAmount')),
    confiscatedAmount: wanYuan.optional().meta(penalty('confiscatedAmount')),
    licenseAffected: line(200).optional().meta(penalty('licenseAffected')),
    validUntil: isoDate.optional().meta(penalty('validUntil')),
    severity: z.enum(SEVERITIES).meta(penalty('severity')),
    procedure: z.enum(PROCEDURES).meta(penalty('procedure')),
    repairable: z.boolean().optional().meta(penalty('repairable')),
    sector: z.enum(SECTORS).optional().meta(penalty('sector')),
    misconductEndedOn: isoDate.optional().meta(penalty('misconductEndedOn')),
    publicationEndsOn: isoDate.optional().meta(penalty('publicationEndsOn')),
  })
  .meta({ id: 'PenaltyDetails' });

export const licenseSchema = z
  .strictObject({
    documentName: line(200).meta(license('documentName')),
    category: z.enum(LICENSE_CATEGORIES).meta(license('category')),
    certificateName: line(200).optional().meta(license('certificateName')),
    licenseNumber: line(100).optional().meta(license('licenseNumber')),
    content: text(4000).meta(license('content')),
    validFrom: isoDate.meta(license('validFrom')),
    validTo: isoDate.meta(license('validTo')),
    status: z.enum(LICENSE_STATUSES).meta(license('status')),
  })
  .refine((l) => ordered(l.validFrom, l.validTo), { ...rangeIssue, path: ['validTo'] })
  .meta({ id: 'LicenseDetails' });

/** The common core of the other eight kinds: what was decided, on what basis. */
function core(kind: RecordKind) {
  return {
    content: text(4000).meta(about(kind, 'content')),
    basis: text(2000).optional().meta(about(kind, 'basis')),
  };
}

export const coercionSchema = z
  .strictObject({
    ...core('coercion'),
    measure: line(100).meta(about('coercion', 'measure')),
    validFrom: isoDate.optional().meta(about('coercion', 'validFrom')),
    validTo: isoDate.optional().meta(about('coercion', 'validTo')),
  })
  .refine((c) => ordered(c.validFrom, c.validTo), { ...rangeIssue, path: ['validTo'] })
  .meta({ id: 'CoercionDetails' });

export const confirmationSchema = z
  .strictObject({
    ...core('confirmation'),
    confirmationType: line(100).meta(about('confirmation', 'confirmationType')),
  })
  .meta({ id: 'ConfirmationDetails' });
export const levySchema = z
  .strictObject({
    ...core('levy'),
    levyType: line(100).meta(about('levy', 'levyType')),
    amount: wanYuan.optional().meta(about('levy', 'amount')),
  })
  .meta({ id: 'LevyDetails' });
export const paymentSchema = z
  .strictObject({
    ...core('payment'),
    paymentType: line(100).meta(about('payment', 'paymentType')),
    amount: wanYuan.optional().meta(about('payment', 'amount')),
  })
  .meta({ id: 'PaymentDetails' });
export const rulingSchema = z
  .strictObject({
    ...core('ruling'),
    disputeType: line(100).meta(about('ruling', 'disputeType')),
  })
  .meta({ id: 'RulingDetails' });
export const compensationSchema = z
  .strictObject({
    ...core('compensation'),
    compensationType: line(100).meta(about('compensation', 'compensationType')),
    amount: wanYuan.optional().meta(about('compensation', 'amount')),
  })
  .meta({ id: 'CompensationDetails' });
export const rewardSchema = z
  .strictObject({
    ...core('reward'),
    rewardType: line(100).meta(about('reward', 'rewardType')),
    amount: wanYuan.optional().meta(about('reward', 'amount')),
  })
  .meta({ id: 'RewardDetails' });
export const inspectionSchema = z
  .strictObject({
    ...core('inspection'),
    inspectionType: line(100).meta(about('inspection', 'inspectionType')),
    result: line(200).meta(about('inspection', 'result')),
  })
  .meta({ id: 'InspectionDetails' });

export const KIND_SCHEMAS = {
  license: licenseSchema,
  penalty: penaltySchema,
  coercion: coercionSchema,
  confirmation: confirmationSchema,
  levy: levySchema,
  payment: paymentSchema,
  ruling: rulingSchema,
  compensation: compensationSchema,
  reward: rewardSchema,
  inspection: inspectionSchema,
} as const satisfies Record<RecordKind, z.ZodType>;

export type KindDetails = { [K in RecordKind]: z.infer<(typeof KIND_SCHEMAS)[K]> };
export type Penalty = KindDetails['penalty'];
