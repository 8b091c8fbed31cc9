import * as z from 'zod';
import { RECORD_KINDS } from '../domain/records/vocabulary.ts';
import { instantOut, isoDate } from './common.ts';
import { MAX_LENGTH } from './limits.ts';

/** The API's answer of how a deadline stands today; the pages only put it into words. */
export const deadlineStanding = z
  .object({
    due: isoDate.meta({ description: '截止日期（Asia/Shanghai，当日 24:00 届满）' }),
    workingDaysLeft: z.number().int().meta({
      description:
        '自今日起至截止日期剩余的工作日数（按工作日历，含调休与补假；0 为今日到期）；已逾期时为负数，绝对值为逾期的工作日数',
    }),
    late: z.boolean().meta({ description: 'true：已过截止日期' }),
  })
  .meta({ id: 'DeadlineStanding', description: '期限：截止日期与剩余（或逾期）工作日' });

const worklistItem = z.object({
  id: z.string().max(40).meta({ description: '记录、异议或信用修复申请的 id' }),
  recordId: z.string().max(40),
  record: z.object({
    kind: z.enum(RECORD_KINDS),
    documentNumber: z.string().max(MAX_LENGTH.documentNumber),
    decisionDate: isoDate,
    subjectName: z.string().max(MAX_LENGTH.subjectName),
  }),
  since: instantOut.meta({ description: '登记或提出的时刻' }),
  accepted: z.boolean().optional().meta({ description: '异议：是否已受理' }),
  deadline: deadlineStanding,
});

const section = (description: string) =>
  z
    .object({
      count: z.number().int().min(0).max(20).meta({ description: '本次列出的条数（至多 20）' }),
      more: z.boolean().meta({ description: 'true：还有更多，见完整列表' }),
      items: z.array(worklistItem).max(20),
    })
    .meta({ description });

export const agencyWorklistResponse = z
  .object({
    today: isoDate,
    registered: section('已登记未公示（最早到期的在前）；完整列表：GET /v1/agency/records?status=registered'),
    dueSoon: section('一个工作日内到期、尚未逾期的未公示记录'),
    overdue: section('已逾期未公示；完整列表：GET /v1/agency/records?status=registered&overdue=true'),
    objections: section('待处理的异议（已收到或已受理）；完整列表：GET /v1/agency/objections'),
    repairs: section('待决定的信用修复申请；完整列表：GET /v1/agency/repairs'),
    upstreamRefused: z
      .object({
        count: z.number().int().min(0).max(20),
        more: z.boolean(),
        items: z
          .array(
            z.object({
              recordId: z.string().max(40),
              reason: z.string().max(500).meta({ description: '平台退回的理由' }),
              field: z.string().max(64).optional().meta({ description: '平台指出的字段（如 CF_CFJG）' }),
              at: instantOut,
            }),
          )
          .max(20),
      })
      .optional()
      .meta({
        description:
          '被市公共信用信息平台退回的记录（更正后自动重新报送）；完整列表：GET /v1/agency/upstream?state=failed',
      }),
  })
  .meta({ id: 'AgencyWorklist' });

/** The home page takes no parameters; anything sent is refused rather than ignored. */
export const agencyWorklistQuery = z.strictObject({});
