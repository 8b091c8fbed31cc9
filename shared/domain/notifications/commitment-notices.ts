import { COMMITMENT_TYPE_LABELS } from '../commitments/vocabulary.ts';
import type { EventType } from '../events.ts';
import { BASIS, type Matter, type Rule } from './notice-parts.ts';

/*
 * Who is told what of credit commitments: the entity of a breach recorded against it, the
 * receiving agency and the credit office of a verification gone overdue. Part of the one
 * notice table (notices.ts NOTICES).
 */

const commitmentLine = (matter: Matter) => {
  const c = matter.commitment;
  return c ? `${COMMITMENT_TYPE_LABELS[c.type]}承诺：${c.matter}（编号 ${c.id}）` : '信用承诺：见“我的”';
};

export const COMMITMENT_NOTICES = {
  'commitment-breached': [
    {
      audience: 'party',
      notice: (_event, matter) => ({
        title: '信用承诺记录为未履约',
        lines: [
          commitmentLine(matter),
          `承诺受理单位：${matter.agency}`,
          ...(matter.commitment?.breachRecordId
            ? [`由此作出的决定：记录 ${matter.commitment.breachRecordId}`]
            : []),
          '对记录有异议的，可在“我的”中对所涉记录提出异议。',
        ],
        basis: BASIS.commitment,
        link: 'account.html',
      }),
    },
  ],
  'commitment-escalated': [
    {
      audience: 'agency',
      notice: (_event, matter) => ({
        title: '信用承诺逾期未核查，已报告信用管理部门',
        lines: [
          commitmentLine(matter),
          `核查期限：${matter.commitment?.due ?? ''}`,
          '逾期后仍可核查，将记为逾期核查。',
        ],
        basis: BASIS.commitment,
        link: 'workbench-commitments.html',
      }),
    },
    {
      audience: 'office',
      notice: (_event, matter) => ({
        title: '信用承诺逾期未核查报告',
        lines: [
          `承诺受理单位：${matter.agency}`,
          commitmentLine(matter),
          `核查期限：${matter.commitment?.due ?? ''}`,
        ],
        link: 'office-oversight.html',
        basis: BASIS.commitment,
      }),
    },
  ],
} as const satisfies Readonly<Record<Extract<EventType, `commitment-${string}`>, readonly Rule[]>>;
