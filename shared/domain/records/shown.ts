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
  if (!isPubliclyListed(record)) return false;
  const expiry = publicationExpiry(record);
  return expiry === undefined || new Date(expiry).getTime() > now.getTime();
}
