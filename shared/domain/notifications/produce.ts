import type { DeadlineHandler } from '../deadlines/sweep.ts';
import { deliveryId } from './delivery.ts';
import { type MatterPort, noticesOf } from './notices.ts';
import { notificationOf } from './notification.ts';
import type { MailDelivery, NotificationStore } from './ports.ts';

/**
 * Turns one outbox event into notices: an inbox item for everyone it concerns and, for those
 * with a confirmed address, an e-mail to send. All in one write with the event marked done,
 * so a run that dies halfway leaves the event to the next run and nothing half made; a second
 * run finds the event done. It never answers 'stale': the index item is the outbox event
 * itself, which must stay.
 */
export function makeNotifyHandler({ store, matterOf }: { store: NotificationStore; matterOf: MatterPort }) {
  const handler: DeadlineHandler = async (item, now) => {
    const event = await store.pendingEvent(item.subjectId);
    if (!event) return 'already-notified';
    const matter = await matterOf(event);
    const notices = matter ? noticesOf(event, matter) : [];
    const contacts = await store.contacts(notices.map((n) => n.recipient));
    const notifications = notices.map(({ recipient, notice }) => ({
      recipient,
      notification: notificationOf(event, recipient, notice),
    }));
    const mails: MailDelivery[] = notifications
      .filter(({ recipient }) => contacts.get(recipient)?.status === 'confirmed')
      .map(({ recipient, notification }) => ({
        id: deliveryId(event.id, recipient),
        recipient,
        kind: 'notification',
        notice: {
          title: notification.title,
          lines: notification.lines,
          link: notification.link,
          basis: notification.basis,
        },
        notificationId: notification.id,
        status: 'pending',
        attempts: 0,
        dueAt: now.toISOString(),
        createdAt: now.toISOString(),
      }));
    await store.deliver(item.subjectId, notifications, mails);
    return notices.length === 0 ? 'notified-nobody' : 'notified';
  };
  return handler;
}
