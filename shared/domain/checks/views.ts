import { MATTER_TYPE_LABELS } from '../lists/measures.ts';
import { measureList } from '../lists/views.ts';
import { LIST_TYPE_LABELS } from '../lists/vocabulary.ts';
import type { CreditCheck } from './check.ts';
import type { CheckCounts } from './ports.ts';

const STATUS_LABELS = {
  awaiting_feedback: '待反馈',
  fed_back: '已反馈',
  fed_back_late: '逾期反馈',
} as const;

function statusOf(check: CreditCheck): keyof typeof STATUS_LABELS {
  if (!check.feedback) return 'awaiting_feedback';
  return check.feedback.late ? 'fed_back_late' : 'fed_back';
}

const matterView = (check: CreditCheck) => ({
  ...check.matter,
  typeLabel: MATTER_TYPE_LABELS[check.matter.type],
});

/** The check as its agency reads it: the receipt, the measures by name, the feedback and its state. */
export function checkView(check: CreditCheck) {
  const { head: _head, revision: _revision, ...state } = check;
  const status = statusOf(check);
  return {
    ...state,
    matter: matterView(check),
    entries: check.entries.map((e) => ({
      ...e,
      typeLabel: LIST_TYPE_LABELS[e.type],
      measures: measureList(e.measures),
    })),
    measures: measureList(check.measures),
    ...(check.feedback
      ? { feedback: { ...check.feedback, measures: measureList(check.feedback.measures) } }
      : {}),
    status,
    statusLabel: STATUS_LABELS[status],
  };
}

/** What the entity sees of a check made of it: who checked, when, for what (条例 第37条). */
export function entityCheckView(check: CreditCheck, agencyName?: string) {
  return {
    id: check.id,
    agency: check.agency,
    ...(agencyName ? { agencyName } : {}),
    matter: matterView(check),
    madeAt: check.madeAt,
  };
}

/** One agency's row of the loop's statistics, with what follows from the counters. */
export function checkStatsRow(c: CheckCounts, name?: string) {
  return {
    agency: c.agency,
    ...(name ? { name } : {}),
    made: c.made,
    withFeedback: c.withFeedback,
    feedbackOnTime: c.feedbackOnTime,
    feedbackLate: c.withFeedback - c.feedbackOnTime,
    awaitingFeedback: c.made - c.withFeedback,
    escalated: c.escalated,
    measuresApplied: c.measuresApplied,
    ...(c.made > 0 ? { onTimeRate: Math.round((c.feedbackOnTime / c.made) * 1000) / 1000 } : {}),
  };
}

export const CHECK_STATS_CSV_HEADER = [
  '机关统一社会信用代码',
  '机关名称',
  '核查次数',
  '已反馈',
  '按时反馈',
  '逾期反馈',
  '待反馈',
  '逾期报告',
  '采取措施',
  '按时反馈率',
];
