import * as z from 'zod';
import { regimeFor } from '../../domain/policy/publication-periods.ts';
import { basisOfMaximum, legalMaximum } from '../../domain/policy/publication-window.ts';
import { describeField, RECORD_FIELDS } from '../../domain/records/fields.ts';
import { isoDate } from '../common.ts';
import { issue } from '../issue.ts';
import { MAX_LENGTH } from '../limits.ts';
import { line, text } from '../text.ts';
import {
  coercionSchema,
  compensationSchema,
  confirmationSchema,
  inspectionSchema,
  levySchema,
  licenseSchema,
  paymentSchema,
  penaltySchema,
  rewardSchema,
  rulingSchema,
} from './kind-details.ts';
import { subjectSchema } from './subject.ts';

const about = (field: string): { description: string } => ({
  description: describeField(RECORD_FIELDS, field),
});

const common = {
  documentNumber: line(MAX_LENGTH.documentNumber).meta(about('documentNumber')),
  decisionDate: isoDate.meta(about('decisionDate')),
  remarks: text(MAX_LENGTH.remarks).optional().meta(about('remarks')),
  subject: subjectSchema,
};

const misconductAfterDecision = issue(
  'misconduct_end_after_decision',
  '失信行为终止日期不能晚于处罚决定日期',
  'the misconduct cannot end after the decision on it',
);
const sectorRequired = issue(
  'sector_required',
  '2023年5月1日至2026年3月31日作出的处罚须填写所属领域（国家发展改革委令第58号：特种设备、安全生产、消防领域最短公示期为一年）',
  'a penalty decided from 2023-05-01 to 2026-03-31 needs its sector (NDRC Order No. 58: one year minimum in special equipment, work safety and fire safety)',
);
const publicationEndBeforeDecision = issue(
  'publication_end_before_decision',
  '公示截止期不能早于处罚决定日期',
  'the publication cannot end before the decision',
);

/**
 * A 公示截止期 later than the legal maximum is refused naming the rule that sets that maximum;
 * one message per rule, so the messages stay a fixed set.
 */
const beyondMaximum = (basis: string) =>
  issue(
    'publication_end_beyond_maximum',
    `公示截止期超过法定最长公示期限（${basis}）`,
    `the publication end lies beyond the legal maximum (${basis})`,
  );

/** The dates of a penalty that set its publication period must agree with its decision and the law. */
type PenaltyDates = { decisionDate: string; penalty: z.infer<typeof penaltySchema> };

function checkPeriods(record: PenaltyDates, ctx: z.RefinementCtx): void {
  const { decisionDate, penalty } = record;
  const fail = (field: string, params: ReturnType<typeof issue>) =>
    ctx.addIssue({ code: 'custom', path: ['penalty', field], ...params });
  if (penalty.misconductEndedOn && penalty.misconductEndedOn > decisionDate) {
    fail('misconductEndedOn', misconductAfterDecision);
  }
  // Order No. 58 keys the minimum by sector: without it the period cannot be told.
  if (!penalty.sector && regimeFor(decisionDate).sectorMinimum) fail('sector', sectorRequired);
  const end = penalty.publicationEndsOn;
  if (!end) return;
  const maximum = legalMaximum(decisionDate, penalty);
  if (end < decisionDate) fail('publicationEndsOn', publicationEndBeforeDecision);
  else if (end > maximum.publishedUntil) {
    fail('publicationEndsOn', beyondMaximum(basisOfMaximum(decisionDate, maximum.endsBy)));
  }
}

/** The ten kinds, each the common core plus one object named after the kind. */
function recordSchema<Extra extends z.core.$ZodLooseShape>(extra: Extra) {
  const base = { ...common, ...extra };
  return z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('license'), ...base, license: licenseSchema }),
    z.strictObject({ kind: z.literal('penalty'), ...base, penalty: penaltySchema }).superRefine(
      // The generic `Extra` hides the shape from the compiler; the object is the penalty record.
      (record, ctx) => checkPeriods(record as unknown as PenaltyDates, ctx),
    ),
    z.strictObject({ kind: z.literal('coercion'), ...base, coercion: coercionSchema }),
    z.strictObject({ kind: z.literal('confirmation'), ...base, confirmation: confirmationSchema }),
    z.strictObject({ kind: z.literal('levy'), ...base, levy: levySchema }),
    z.strictObject({ kind: z.literal('payment'), ...base, payment: paymentSchema }),
    z.strictObject({ kind: z.literal('ruling'), ...base, ruling: rulingSchema }),
    z.strictObject({ kind: z.literal('compensation'), ...base, compensation: compensationSchema }),
    z.strictObject({ kind: z.literal('reward'), ...base, reward: rewardSchema }),
    z.strictObject({ kind: z.literal('inspection'), ...base, inspection: inspectionSchema }),
  ]);
}

/** One administrative action as an agency registers it. */
export const recordInputSchema = recordSchema({}).meta({ id: 'RecordInput' });
export type RecordInput = z.infer<typeof recordInputSchema>;

/** POST /v1/records: a record, and whether to publish it at once. */
export const registerRecordBody = recordSchema({
  publish: z.boolean().optional().meta({ description: '登记的同时公示' }),
});
