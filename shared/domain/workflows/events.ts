import { type DomainEvent, type EventType, workflowEvent } from '../events.ts';
import type { Filing } from './filing.ts';

/**
 * The event of a filing's change. An entity's names the entity, who is told of the outcome.
 * A person's names no one: events leave the service (EventBridge, the credit office's list),
 * and a natural person's ID number goes nowhere it need not; whoever tells the person reads
 * the filing by its id, which only its parties and the credit office can.
 */
export function filingEvent(
  type: EventType,
  kind: 'objection' | 'repair',
  filing: Filing,
  at: Date,
  data: Record<string, unknown> = {},
): DomainEvent {
  if (filing.entity !== undefined)
    return workflowEvent(type, kind, { ...filing, entity: filing.entity }, at, data);
  const event = workflowEvent(type, kind, { ...filing, entity: '' }, at, data);
  const { entity: _none, ...subject } = event.subject;
  return { ...event, subject };
}
