import { sha256 } from '../audit.ts';
import type { DomainEvent, EventType } from '../events.ts';
import type { Notice } from './notices.ts';
import type { Recipient } from './recipients.ts';

/** A notice in one recipient's inbox. */
export interface Notification extends Notice {
  /** Sortable by time and the same for the same (event, recipient): producing twice is harmless. */
  readonly id: string;
  readonly eventId: string;
  readonly type: EventType;
  readonly at: string;
  readonly readAt?: string | undefined;
}

/**
 * The id of the notice of `event` for `recipient`: the event's instant (so an inbox sorts by
 * id) and a hash of the pair (so it is the same every time the event is turned into notices).
 */
export function notificationId(event: DomainEvent, recipient: Recipient): string {
  const at = new Date(event.at).toISOString().replace(/[-:.]/g, '');
  return `${at}-${sha256(`${event.id}\u0000${recipient}`).slice(0, 16)}`;
}

export function isNotificationId(value: string): boolean {
  return /^\d{8}T\d{9}Z-[0-9a-f]{16}$/.test(value);
}

export function notificationOf(event: DomainEvent, recipient: Recipient, notice: Notice): Notification {
  return {
    id: notificationId(event, recipient),
    eventId: event.id,
    type: event.type,
    at: event.at,
    ...notice,
  };
}
