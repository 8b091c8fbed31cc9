import * as z from 'zod';
import { describeField, RECORD_FIELDS } from '../../domain/records/fields.ts';
import { isoDate } from '../common.ts';
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

/** The ten kinds, each the common core plus one object named after the kind. */
function recordSchema<Extra extends z.core.$ZodLooseShape>(extra: Extra) {
  const base = { ...common, ...extra };
  return z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('license'), ...base, license: licenseSchema }),
    z.strictObject({ kind: z.literal('penalty'), ...base, penalty: penaltySchema }),
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
