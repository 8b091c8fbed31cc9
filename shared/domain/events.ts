/**
 * What the service tells the outside world. Events are written in the same transaction as
 * the change they report (a transactional outbox), so none is lost and none is invented;
 * on AWS the outbox is forwarded to an EventBridge bus, locally it is read from the table.
 */
export const EVENT_TYPES = ['reminder', 'overdue', 'expired', 'deadline-moved'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface DomainEvent {
  /** Unique and stable: the aggregate, its revision and the type. */
  readonly id: string;
  readonly type: EventType;
  readonly at: string;
  readonly subject: { readonly kind: 'record'; readonly id: string; readonly agency: string };
  readonly data: Readonly<Record<string, unknown>>;
}

export function recordEvent(
  type: EventType,
  record: { id: string; revision: number; authority: { uscc: string } },
  at: Date,
  data: Record<string, unknown> = {},
): DomainEvent {
  return {
    id: `${record.id}.${record.revision}.${type}`,
    type,
    at: at.toISOString(),
    subject: { kind: 'record', id: record.id, agency: record.authority.uscc },
    data,
  };
}
