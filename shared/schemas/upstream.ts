import * as z from 'zod';
import { RECONCILIATION_SAMPLE } from '../domain/sharing/reconcile.ts';
import { PUSH_STATE_LABELS, PUSH_STATES } from '../domain/sharing/upstream.ts';
import { idOut, instantOut, pageOf, paging } from './common.ts';

const digest = z.string().max(64).meta({ description: 'SHA-256（十六进制）' });

export const upstreamPushResponse = z
  .object({
    recordId: idOut('rec'),
    agency: z.string().max(18),
    format: z
      .enum(['XK', 'CF', 'QT'])
      .meta({ description: '交换格式：XK 行政许可，CF 行政处罚，QT 其他八类' }),
    operation: z
      .enum(['upsert', 'delete'])
      .meta({ description: 'upsert 报送/更新；delete 撤回（撤销、停止公示）' }),
    digest,
    state: z.enum(PUSH_STATES).meta({
      description: Object.entries(PUSH_STATE_LABELS)
        .map(([k, v]) => `${k}: ${v}`)
        .join('；'),
    }),
    stateLabel: z.string().max(10),
    attempts: z.number().int().min(0).meta({ description: '本次内容因平台故障重试的次数' }),
    dueAt: z.string().max(40).meta({ description: '待报送：下次尝试的时刻' }),
    updatedAt: instantOut,
    receipt: z.string().max(100).optional().meta({ description: '已报送：平台回执号' }),
    acceptedAt: instantOut.optional(),
    reason: z.string().max(500).optional().meta({ description: '被退回：平台的理由；待报送：最近一次故障' }),
    field: z.string().max(64).optional().meta({ description: '被退回：平台指出的字段' }),
  })
  .meta({ id: 'UpstreamPush', description: '向市公共信用信息平台报送的状态' });

export const upstreamQuery = z.strictObject({
  state: z.enum(PUSH_STATES).default('failed').meta({ description: '报送状态（默认 failed：被退回）' }),
  ...paging,
});

export const upstreamPage = pageOf(upstreamPushResponse);

const side = z.object({ count: z.number().int().min(0), digest });

export const reconciliationList = z
  .object({
    items: z
      .array(
        z.object({
          at: instantOut,
          ours: side.meta({ description: '本系统认为平台应有的记录（已报送且未撤回）' }),
          theirs: side.meta({ description: '平台答复其现有的记录（不含在途的）' }),
          differences: z.number().int().min(0),
          sample: z
            .array(
              z.object({
                recordId: z.string().max(40),
                ours: z.string().max(64),
                theirs: z.string().max(64),
              }),
            )
            .max(RECONCILIATION_SAMPLE),
          pending: z.number().int().min(0).meta({ description: '在途：待报送' }),
          failed: z.number().int().min(0).meta({ description: '被退回，待机关更正' }),
        }),
      )
      .max(30),
  })
  .meta({ id: 'UpstreamReconciliations', description: '与市公共信用信息平台的对账报告，新的在前' });
