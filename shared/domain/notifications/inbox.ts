import type { Clock } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import type { Notification } from './notification.ts';
import type { InboxPage, NotificationStore } from './ports.ts';
import type { Recipient } from './recipients.ts';

/** The same answer for another party's notice and for one that does not exist. */
export const notificationNotAccessible = () =>
  new NotFoundError({
    code: 'notification_not_accessible',
    messages: { zh: '没有这条消息，或无权查看', en: 'no such notification among yours' },
  });

/** A signed-in party's own notices. */
export function makeInbox({ store, clock }: { store: NotificationStore; clock: Clock }) {
  return {
    list(recipient: Recipient, limit: number, cursor?: string): Promise<InboxPage> {
      return store.inbox(recipient, limit, cursor);
    },
    async read(recipient: Recipient, id: string): Promise<Notification> {
      const read = await store.markRead(recipient, id, clock());
      if (!read) throw notificationNotAccessible();
      return read;
    },
  };
}
