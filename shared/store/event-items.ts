import type { DomainEvent } from '../domain/events.ts';
import { deadlinePartition, shardOf } from './deadline-items.ts';

/**
 * The outbox: one item per event, by type (`EVENT#<type>`) and, through gsi1, all types
 * together (`EVENTS`), both ordered by time. On AWS the table's stream forwards these items
 * to the EventBridge bus; locally they are read where they are.
 *
 * A new event item is also an entry of the `deadlines` index (kind `notify`, due at once):
 * the notifications sweep finds it there, makes its notices and removes the index keys in the
 * same write. So no event is written without its notices following, and none is told twice.
 */
export const ALL_EVENTS = 'EVENTS';

/** The `type` of outbox items; the EventBridge pipe forwards exactly these (infra/events.ts). */
export const EVENT_ITEM_TYPE = 'event';

/** How the `notify` timer names an outbox item: its type and sort key. */
export function eventRef(event: DomainEvent): string {
  return `${event.type}/${event.at}#${event.id}`;
}

export function eventKeyOf(ref: string): { pk: string; sk: string } {
  const slash = ref.indexOf('/');
  return { pk: `EVENT#${ref.slice(0, slash)}`, sk: ref.slice(slash + 1) };
}

export function eventItem(event: DomainEvent): Record<string, unknown> {
  const sk = `${event.at}#${event.id}`;
  const ref = eventRef(event);
  return {
    pk: `EVENT#${event.type}`,
    sk,
    type: EVENT_ITEM_TYPE,
    event,
    gsi1pk: ALL_EVENTS,
    gsi1sk: sk,
    kind: 'notify',
    subjectId: ref,
    dueAt: event.at,
    dlpk: deadlinePartition('notify', shardOf(ref)),
    dlsk: `${new Date(event.at).toISOString()}#${ref}`,
  };
}
