import * as z from 'zod';
import { PERIOD_RULES, PUBLICATION_REGIMES } from '../../domain/policy/publication-periods.ts';
import { CAP_STARTS, PUBLICATION_ENDS } from '../../domain/policy/publication-window.ts';
import { isoDate } from '../common.ts';

const REGIMES = [...PUBLICATION_REGIMES, PERIOD_RULES.noRegime];

/** A penalty's publication window and where each of its days comes from (policy/publication-periods.ts). */
export const publicationPeriodOut = z
  .object({
    regime: z.enum(REGIMES.map((r) => r.name) as [string, ...string[]]),
    basis: z.string().max(Math.max(...REGIMES.map((r) => r.basis.length))),
    repairFrom: isoDate.optional().meta({ description: '最早可申请信用修复之日（无则不适用信用修复）' }),
    publishedUntil: isoDate.meta({ description: '公示截止日（当日 24 时停止公示）' }),
    endsBy: z.enum(PUBLICATION_ENDS).meta({ description: '公示截止日由哪条规则确定' }),
    capFrom: z
      .enum(CAP_STARTS)
      .meta({ description: '五年上限（条例 第38条）的起算日：失信行为终止之日或处罚决定日期' }),
  })
  .meta({ id: 'PublicationPeriod', description: '行政处罚信息的公示期限及其依据' });
