import * as z from 'zod';
import { isoDate } from '../common.ts';
import { issue } from '../issue.ts';
import { line, text, wanYuan } from '../text.ts';
import { LICENSE_CATEGORIES, PENALTY_CATEGORIES, type RecordKind } from './kinds.ts';

const ordered = (from: string | undefined, to: string | undefined) => !from || !to || from <= to;
const rangeIssue = issue(
  'invalid_range',
  '有效期起始日不能晚于截止日',
  'the validity must not end before it starts',
);

export const penaltySchema = z
  .strictObject({
    violationType: line(200).meta({ description: '违法行为类型' }),
    facts: text(4000).meta({ description: '违法事实' }),
    basis: text(2000).meta({ description: '处罚依据' }),
    categories: z
      .array(z.enum(PENALTY_CATEGORIES))
      .min(1)
      .max(PENALTY_CATEGORIES.length)
      .refine(
        (c) => new Set(c).size === c.length,
        issue('duplicate_category', '处罚类别重复', 'a category is listed twice'),
      )
      .meta({ description: '处罚类别' }),
    content: text(4000).meta({ description: '处罚内容' }),
    fineAmount: wanYuan.optional().meta({ description: '罚款金额（万元）' }),
    confiscatedAmount: wanYuan.optional().meta({ description: '没收违法所得、没收非法财物的金额（万元）' }),
    licenseAffected: line(200).optional().meta({ description: '暂扣或吊销证照名称及编号' }),
    validUntil: isoDate.optional().meta({ description: '处罚有效期' }),
    severity: z.enum(['minor', 'general', 'serious']).meta({ description: '失信程度：轻微 / 一般 / 严重' }),
    procedure: z.enum(['ordinary', 'simplified']).meta({ description: '程序：普通程序 / 简易程序' }),
    repairable: z
      .boolean()
      .optional()
      .meta({ description: '可申请信用修复（默认是；特定严重失信或法律另有规定时为否）' }),
  })
  .meta({ id: 'PenaltyDetails' });

export const licenseSchema = z
  .strictObject({
    documentName: line(200).meta({ description: '行政许可决定文书名称' }),
    category: z.enum(LICENSE_CATEGORIES).meta({ description: '许可类别' }),
    certificateName: line(200).optional().meta({ description: '许可证书名称' }),
    licenseNumber: line(100).optional().meta({ description: '许可编号' }),
    content: text(4000).meta({ description: '许可内容' }),
    validFrom: isoDate.meta({ description: '有效期自' }),
    validTo: isoDate.meta({ description: '有效期至' }),
    status: z.enum(['valid', 'invalid']).meta({ description: '当前状态：有效 / 无效' }),
  })
  .refine((l) => ordered(l.validFrom, l.validTo), { ...rangeIssue, path: ['validTo'] })
  .meta({ id: 'LicenseDetails' });

/** The common core of the other eight kinds: what was decided, on what basis. */
const core = {
  content: text(4000).meta({ description: '决定内容' }),
  basis: text(2000).optional().meta({ description: '依据' }),
};

export const coercionSchema = z
  .strictObject({
    ...core,
    measure: line(100).meta({ description: '强制措施或执行方式，如查封、扣押、冻结' }),
    validFrom: isoDate.optional().meta({ description: '期限自' }),
    validTo: isoDate.optional().meta({ description: '期限至' }),
  })
  .refine((c) => ordered(c.validFrom, c.validTo), { ...rangeIssue, path: ['validTo'] })
  .meta({ id: 'CoercionDetails' });

export const confirmationSchema = z
  .strictObject({
    ...core,
    confirmationType: line(100).meta({ description: '确认类别' }),
  })
  .meta({ id: 'ConfirmationDetails' });
export const levySchema = z
  .strictObject({
    ...core,
    levyType: line(100).meta({ description: '征收项目' }),
    amount: wanYuan.optional(),
  })
  .meta({ id: 'LevyDetails' });
export const paymentSchema = z
  .strictObject({
    ...core,
    paymentType: line(100).meta({ description: '给付类别' }),
    amount: wanYuan.optional(),
  })
  .meta({ id: 'PaymentDetails' });
export const rulingSchema = z
  .strictObject({
    ...core,
    disputeType: line(100).meta({ description: '争议类别' }),
  })
  .meta({ id: 'RulingDetails' });
export const compensationSchema = z
  .strictObject({
    ...core,
    compensationType: line(100).meta({ description: '补偿类别' }),
    amount: wanYuan.optional(),
  })
  .meta({ id: 'CompensationDetails' });
export const rewardSchema = z
  .strictObject({
    ...core,
    rewardType: line(100).meta({ description: '奖励形式，如荣誉称号、奖金' }),
    amount: wanYuan.optional(),
  })
  .meta({ id: 'RewardDetails' });
export const inspectionSchema = z
  .strictObject({
    ...core,
    inspectionType: line(100).meta({ description: '检查方式' }),
    result: line(200).meta({ description: '检查结果' }),
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
