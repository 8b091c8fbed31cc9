import type { DomainEvent } from '../domain/events.ts';

/**
 * The outbox: one item per event, by type (`EVENT#<type>`) and, through gsi1, all types
 * together (`EVENTS`), both ordered by time. On AWS the table's stream forwards these items
 * to the EventBridge bus; locally they are read where they are.
 */
export const ALL_EVENTS = 'EVENTS';

/** The `type` of outbox items; the EventBridge pipe forwards exactly these (infra/events.ts). */
export const EVENT_ITEM_TYPE = 'event';

export function eventItem(event: DomainEvent): Record<string, unknown> {
  const sk = `${event.at}#${event.id}`;
  return { pk: `EVENT#${event.type}`, sk, type: EVENT_ITEM_TYPE, event, gsi1pk: ALL_EVENTS, gsi1sk: sk };
}
