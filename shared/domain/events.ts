/**
 * What the service tells the outside world. Events are written in the same transaction as
 * the change they report (a transactional outbox), so none is lost and none is invented;
 * on AWS the outbox is forwarded to an EventBridge bus, locally it is read from the table.
 */
export const EVENT_TYPES = [
  'reminder',
  'overdue',
  'overdue-digest',
  'expired',
  'deadline-moved',
  'record-published',
  'record-corrected',
  'record-revoked',
  'objection-filed',
  'objection-accepted',
  'objection-decided',
  'objection-escalated',
  'repair-filed',
  'repair-decided',
  'repair-escalated',
  'upstream-differences',
  'list-proposed',
  'list-hearing-reminder',
  'list-statement',
  'list-hearing-ended',
  'list-decided',
  'list-decision-escalated',
  'list-removed',
  'list-filing',
  'list-filing-decided',
  'list-filing-escalated',
  'check-escalated',
  'commitment-breached',
  'commitment-escalated',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Each event type as the credit office reads it in the event log. */
export const EVENT_TYPE_LABELS: Readonly<Record<EventType, string>> = {
  reminder: '期限提醒',
  overdue: '已逾期',
  'overdue-digest': '逾期日报',
  expired: '公示期满',
  'deadline-moved': '期限调整',
  'record-published': '信息公示',
  'record-corrected': '信息更正',
  'record-revoked': '信息撤销',
  'objection-filed': '提出异议',
  'objection-accepted': '异议受理',
  'objection-decided': '异议办结',
  'objection-escalated': '异议逾期报告',
  'repair-filed': '申请信用修复',
  'repair-decided': '信用修复决定',
  'repair-escalated': '信用修复逾期报告',
  'upstream-differences': '上报对账差异',
  'list-proposed': '拟列入名单告知',
  'list-hearing-reminder': '陈述申辩期限提醒',
  'list-statement': '陈述申辩',
  'list-hearing-ended': '陈述申辩期满',
  'list-decided': '列入名单决定',
  'list-decision-escalated': '列入决定逾期报告',
  'list-removed': '移出名单',
  'list-filing': '名单异议或提前移出申请',
  'list-filing-decided': '名单异议或提前移出决定',
  'list-filing-escalated': '名单申请逾期报告',
  'check-escalated': '核查逾期未反馈报告',
  'commitment-breached': '信用承诺未履约',
  'commitment-escalated': '信用承诺逾期未核查报告',
};

/** What an event is about; `office` addresses the credit office as a whole (the daily digest). */
export const EVENT_SUBJECT_KINDS = [
  'record',
  'objection',
  'repair',
  'office',
  'list-entry',
  'check',
  'commitment',
] as const;
export type EventSubjectKind = (typeof EVENT_SUBJECT_KINDS)[number];

export interface DomainEvent {
  /** Unique and stable: the aggregate, its revision and the type. */
  readonly id: string;
  readonly type: EventType;
  readonly at: string;
  readonly subject: {
    /** `office`: addressed to the credit office as a whole (the daily digest). */
    readonly kind: EventSubjectKind;
    readonly id: string;
    readonly agency: string;
    /** The entity concerned, who is told of objection and repair outcomes and of revocations. */
    readonly entity?: string;
  };
  readonly data: Readonly<Record<string, unknown>>;
}

/** An event of a record, addressed to its agency and, when given, to the entity concerned. */
export function recordEvent(
  type: EventType,
  record: { id: string; revision: number; authority: { uscc: string } },
  at: Date,
  data: Record<string, unknown> = {},
  entity?: string,
): DomainEvent {
  return {
    id: `${record.id}.${record.revision}.${type}`,
    type,
    at: at.toISOString(),
    subject: {
      kind: 'record',
      id: record.id,
      agency: record.authority.uscc,
      ...(entity ? { entity } : {}),
    },
    data,
  };
}

/** An event of an objection or a repair application, addressed to its entity and agency. */
export function workflowEvent(
  type: EventType,
  kind: 'objection' | 'repair',
  subject: { id: string; revision: number; agency: string; entity: string; recordId: string },
  at: Date,
  data: Record<string, unknown> = {},
): DomainEvent {
  return {
    id: `${subject.id}.${subject.revision}.${type}`,
    type,
    at: at.toISOString(),
    subject: { kind, id: subject.id, agency: subject.agency, entity: subject.entity },
    data: { recordId: subject.recordId, ...data },
  };
}

/** An event of a list entry, a credit check or a commitment, addressed to its agency and its party. */
export function aggregateEvent(
  type: EventType,
  kind: 'list-entry' | 'check' | 'commitment',
  subject: { id: string; revision: number; agency: string },
  at: Date,
  data: Record<string, unknown> = {},
): DomainEvent {
  return {
    id: `${subject.id}.${subject.revision}.${type}`,
    type,
    at: at.toISOString(),
    subject: { kind, id: subject.id, agency: subject.agency },
    data,
  };
}
