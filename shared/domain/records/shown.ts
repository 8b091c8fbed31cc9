import { publicationExpiry } from './deadlines.ts';
import { type DisclosureRecord, isPubliclyListed } from './record.ts';

/**
 * Whether the public may see `record` at `now`: publicly listed, and its maximum publication
 * period (publication-periods.ts) not over. The expiry sweep ends publication once a day; a
 * record registered or published after its period ended would otherwise be public until that
 * sweep, and 山东省社会信用条例 第59条(五) forbids continuing to show or answer queries about a
 * record whose period has run out. So every public read checks the window itself.
 */
export function isShownAt(record: DisclosureRecord, now: Date): boolean {
  return isPubliclyListed(record) && isPublishedAt(record, now);
}

/**
 * Whether `record` is published at `now`, shown or not (a natural person's never is): published,
 * its publication not ended, and its maximum period not over even if the daily sweep has not yet
 * ended it. What a person may object to or repair (条例 第38、39、41条).
 */
export function isPublishedAt(record: DisclosureRecord, now: Date): boolean {
  if (record.status !== 'published' || record.publicationEnd) return false;
  const expiry = publicationExpiry(record);
  return expiry === undefined || new Date(expiry).getTime() > now.getTime();
}
