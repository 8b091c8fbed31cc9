import type { DomainEvent, EventType } from '../events.ts';
import { OBJECTION_EFFECT_LABELS, OBJECTION_OUTCOME_LABELS } from '../objections/vocabulary.ts';
import { KIND_LABELS } from '../records/vocabulary.ts';
import { REPAIR_STATUS_LABELS } from '../repairs/vocabulary.ts';
import { COMMITMENT_NOTICES } from './commitment-notices.ts';
import { LIST_NOTICES } from './list-notices.ts';
import { BASIS, dueLine, type Matter, type Notice, type Rule, str } from './notice-parts.ts';
import type { Audience, Recipient } from './recipients.ts';

export { BASIS, dueDateOf, type Matter, type MatterPort, type Notice } from './notice-parts.ts';

/**
 * Who is told what: the one table from an outbox event to the people it concerns and the
 * words they read, with the legal basis where a rule requires the message. Every event type
 * has its row (the map is total), so a new event cannot be forgotten here; an empty row says
 * in so many words that nobody is told.
 */

function recordLine(matter: Matter): string {
  const r = matter.record;
  return r ? `相关信息：${KIND_LABELS[r.kind]}，决定文书号 ${r.documentNumber}` : '相关信息：见“我的”';
}

function receiptLine(event: DomainEvent): string {
  return `受理编号：${event.subject.id}`;
}

/** Where a party reads its own matters, and where a public record is shown. */
const partyLink = (matter: Matter) =>
  matter.record?.public ? `record.html?id=${encodeURIComponent(matter.record.id)}` : 'account.html';
const agencyRecordLink = (matter: Matter) =>
  matter.record ? `workbench-record.html?id=${encodeURIComponent(matter.record.id)}` : 'workbench.html';
const queueLink = (event: DomainEvent) =>
  event.subject.kind === 'repair' ? 'workbench-repairs.html' : 'workbench-objections.html';

const filingName = (event: DomainEvent) => (event.subject.kind === 'repair' ? '信用修复申请' : '异议');

const OVERDUE_ACTIONS: Record<string, string> = {
  'auto-published': '已超过公示期限，系统已自动公示并记为逾期公示',
  'marked-overdue': '已超过公示期限仍未公示，已记为逾期',
  'revoked-late': '撤销决定未在规定期限内录入，已报告信用管理部门',
  'changed-late': '变更决定未在规定期限内录入，已报告信用管理部门',
};
const isEscalatedChange = (event: DomainEvent) => event.data.escalated === true;

function decisionLines(matter: Matter, labels: Readonly<Record<string, string>>): string[] {
  const d = matter.filing?.decision;
  if (!d) return [];
  return [`处理结果：${labels[d.outcome] ?? d.outcome}`, `理由：${d.reason}`];
}

export const NOTICES: Readonly<Record<EventType, readonly Rule[]>> = {
  ...LIST_NOTICES,
  ...COMMITMENT_NOTICES,
  reminder: [
    {
      audience: 'agency',
      notice: (event, matter) =>
        event.subject.kind === 'record'
          ? {
              title: '公示期限提醒：明日到期',
              lines: [recordLine(matter), ...dueLine(event, matter, '公示期限'), '请在期限内公示。'],
              link: agencyRecordLink(matter),
              basis: BASIS.disclosure,
            }
          : {
              title: `${filingName(event)}办理期限提醒：明日到期`,
              lines: [receiptLine(event), recordLine(matter), ...dueLine(event, matter)],
              link: queueLink(event),
            },
    },
  ],
  overdue: [
    {
      audience: 'agency',
      notice: (event, matter) => ({
        title: isEscalatedChange(event) ? '信息变更逾期' : '公示逾期',
        lines: [
          recordLine(matter),
          ...dueLine(event, matter, '期限'),
          OVERDUE_ACTIONS[str(event.data.action) ?? ''] ?? '已逾期。',
        ],
        link: agencyRecordLink(matter),
        basis: isEscalatedChange(event) ? BASIS.recordChange : BASIS.disclosure,
      }),
    },
    {
      audience: 'office',
      when: isEscalatedChange,
      notice: (event, matter) => ({
        title: '信息变更逾期报告',
        lines: [
          `决定机关：${matter.agency}`,
          recordLine(matter),
          OVERDUE_ACTIONS[str(event.data.action) ?? ''] ?? '已逾期。',
        ],
        link: 'office-oversight.html',
        basis: BASIS.recordChange,
      }),
    },
  ],
  'overdue-digest': [
    {
      audience: 'office',
      notice: (event) => {
        const rows = Array.isArray(event.data.agencies) ? (event.data.agencies as DigestRow[]) : [];
        const shown = rows.slice(0, DIGEST_AGENCIES_SHOWN);
        return {
          title: `逾期事项日报（${str(event.data.date) ?? ''}）`,
          lines: [
            `共 ${rows.length} 个机关有逾期事项。`,
            ...(rows.length > shown.length ? [`以下列出前 ${shown.length} 个，其余见“监督”页面。`] : []),
            ...shown.map(
              (r) =>
                `${r.name ?? r.agency}：逾期未公示 ${r.overdueRecords} 条，逾期异议 ${r.lateObjections} 件，逾期信用修复 ${r.lateRepairs} 件${r.more ? '（或更多）' : ''}`,
            ),
          ],
          link: 'office-oversight.html',
        };
      },
    },
  ],
  'upstream-differences': [
    {
      audience: 'office',
      notice: (event) => ({
        title: '与市公共信用信息平台对账有差异',
        lines: [
          `差异 ${String(event.data.differences ?? '')} 条：本系统应有 ${String(event.data.ours ?? '')} 条，平台现有 ${String(event.data.theirs ?? '')} 条。`,
          '请在“监督”页面查看对账报告，并督促有关机关核实、重新报送。',
        ],
        link: 'office-oversight.html',
      }),
    },
  ],
  expired: [
    {
      audience: 'party',
      notice: (_event, matter) => ({
        title: '公示期满，已停止公示',
        lines: [recordLine(matter), '该信息的最长公示期已届满，已不再公示。'],
        link: 'account.html',
      }),
    },
  ],
  'deadline-moved': [
    {
      audience: 'agency',
      notice: (event, matter) => ({
        title: '期限因工作日历调整而变更',
        lines: [
          event.subject.kind === 'record' ? recordLine(matter) : receiptLine(event),
          ...dueLine({ ...event, data: { dueAt: event.data.to } }, { agency: matter.agency }, '新的期限'),
        ],
        link: event.subject.kind === 'record' ? agencyRecordLink(matter) : queueLink(event),
      }),
    },
  ],
  'record-published': [
    {
      audience: 'party',
      // An entity sees its records in public view; a person sees their own, never public.
      when: (_event, matter) =>
        matter.record?.public === true || matter.party?.startsWith('person:') === true,
      notice: (_event, matter) => ({
        title: matter.record?.public === false ? '有关您的信息已录入' : '有关您的信息已公示',
        lines: [recordLine(matter), '如认为信息有误，可在“我的”中提出异议。'],
        link: partyLink(matter),
        ...(matter.record?.kind === 'penalty' ? { basis: BASIS.penaltyPublished } : {}),
      }),
    },
  ],
  'record-corrected': [
    {
      audience: 'party',
      notice: (_event, matter) => ({
        title: '有关您的公示信息已更正',
        lines: [recordLine(matter)],
        link: partyLink(matter),
      }),
    },
  ],
  'record-revoked': [
    {
      audience: 'party',
      // A decision never published was never the party's to see in the service.
      when: (_event, matter) => matter.record?.published === true,
      notice: (event, matter) => ({
        title: '有关您的公示信息已撤销',
        lines: [
          recordLine(matter),
          ...(str(event.data.documentNumber) ? [`撤销决定文书号：${str(event.data.documentNumber)}`] : []),
        ],
        link: 'account.html',
        basis: BASIS.recordChange,
      }),
    },
  ],
  'objection-filed': [
    {
      audience: 'party',
      notice: (event, matter) => ({
        title: '已收到您的异议',
        lines: [receiptLine(event), recordLine(matter), ...dueLine(event, matter)],
        link: 'account.html',
        basis: BASIS.objectionOutcome,
      }),
    },
    {
      audience: 'agency',
      notice: (event, matter) => ({
        title: '收到针对本机关公示信息的异议',
        lines: [receiptLine(event), recordLine(matter), ...dueLine(event, matter)],
        link: 'workbench-objections.html',
        basis: BASIS.objectionOutcome,
      }),
    },
  ],
  'objection-accepted': [
    {
      audience: 'party',
      notice: (event, matter) => ({
        title: '您的异议已受理',
        lines: [receiptLine(event), recordLine(matter), ...dueLine(event, matter)],
        link: 'account.html',
        basis: BASIS.objectionOutcome,
      }),
    },
  ],
  'objection-decided': [
    {
      audience: 'party',
      notice: (event, matter) => ({
        title: '异议处理结果',
        lines: [
          receiptLine(event),
          recordLine(matter),
          ...decisionLines(matter, OBJECTION_OUTCOME_LABELS),
          ...(str(event.data.effect) ? [OBJECTION_EFFECT_LABELS[event.data.effect as 'none'] ?? ''] : []),
        ].filter((line) => line !== ''),
        link: 'account.html',
        basis: BASIS.objectionOutcome,
      }),
    },
  ],
  'objection-escalated': [
    {
      audience: 'agency',
      notice: (event, matter) => ({
        title: '异议逾期未办结，已报告信用管理部门',
        lines: [receiptLine(event), recordLine(matter), ...dueLine(event, matter)],
        link: 'workbench-objections.html',
        basis: BASIS.objectionOutcome,
      }),
    },
    {
      audience: 'office',
      notice: (event, matter) => ({
        title: '异议逾期报告',
        lines: [`决定机关：${matter.agency}`, receiptLine(event), ...dueLine(event, matter)],
        link: 'office-oversight.html',
        basis: BASIS.objectionOutcome,
      }),
    },
  ],
  'repair-filed': [
    {
      audience: 'party',
      notice: (event, matter) => ({
        title: '已收到您的信用修复申请',
        lines: [receiptLine(event), recordLine(matter), ...dueLine(event, matter)],
        link: 'account.html',
        basis: BASIS.repairOutcome,
      }),
    },
    {
      audience: 'agency',
      notice: (event, matter) => ({
        title: '收到信用修复申请',
        lines: [receiptLine(event), recordLine(matter), ...dueLine(event, matter)],
        link: 'workbench-repairs.html',
        basis: BASIS.repairOutcome,
      }),
    },
  ],
  'repair-decided': [
    {
      audience: 'party',
      notice: (event, matter) => ({
        title: '信用修复决定',
        lines: [receiptLine(event), recordLine(matter), ...decisionLines(matter, REPAIR_STATUS_LABELS)],
        link: 'account.html',
        basis: BASIS.repairOutcome,
      }),
    },
  ],
  'repair-escalated': [
    {
      audience: 'agency',
      notice: (event, matter) => ({
        title: '信用修复申请逾期未决定，已报告信用管理部门',
        lines: [receiptLine(event), recordLine(matter), ...dueLine(event, matter)],
        link: 'workbench-repairs.html',
        basis: BASIS.repairOutcome,
      }),
    },
    {
      audience: 'office',
      notice: (event, matter) => ({
        title: '信用修复逾期报告',
        lines: [`决定机关：${matter.agency}`, receiptLine(event), ...dueLine(event, matter)],
        link: 'office-oversight.html',
        basis: BASIS.repairOutcome,
      }),
    },
  ],
};

/** Agencies a digest notice names; the rest are counted (a notice holds at most 200 lines). */
export const DIGEST_AGENCIES_SHOWN = 150;

/** One agency's line of the office digest. */
export interface DigestRow {
  readonly agency: string;
  readonly name?: string | undefined;
  readonly overdueRecords: number;
  readonly lateObjections: number;
  readonly lateRepairs: number;
  readonly more: boolean;
}

/** The notices an event gives, one per recipient (a recipient named twice is told once). */
export function noticesOf(event: DomainEvent, matter: Matter): { recipient: Recipient; notice: Notice }[] {
  const out = new Map<Recipient, Notice>();
  for (const rule of NOTICES[event.type]) {
    if (rule.when && !rule.when(event, matter)) continue;
    const recipient = recipientFor(rule.audience, matter);
    if (recipient && !out.has(recipient)) out.set(recipient, rule.notice(event, matter));
  }
  return [...out].map(([recipient, notice]) => ({ recipient, notice }));
}

function recipientFor(audience: Audience, matter: Matter): Recipient | undefined {
  if (audience === 'party') return matter.party;
  if (audience === 'agency') return matter.agency ? `agency:${matter.agency}` : undefined;
  return 'office';
}
