import { type DomainEvent, recordEvent } from '../events.ts';
import type { DisclosureRecord } from './record.ts';

/**
 * The events of a record's own life that its party is told of: published (SAMR 45 第8条 for
 * penalties) and corrected. Revocation and the end of publication have events of their own,
 * written where they happen. Derived from the change itself, so no path that publishes or
 * corrects can forget them.
 */
export function lifecycleEvents(
  before: DisclosureRecord | undefined,
  after: DisclosureRecord,
  at: Date,
): DomainEvent[] {
  const events: DomainEvent[] = [];
  if (after.publication && !before?.publication) {
    events.push(recordEvent('record-published', after, at, { publishedAt: after.publication.at }));
  }
  // A correction before publication is the agency's own business: nobody outside has seen it.
  if (before?.publication && after.version > before.version && after.status !== 'revoked') {
    events.push(recordEvent('record-corrected', after, at, { version: after.version }));
  }
  return events;
}
