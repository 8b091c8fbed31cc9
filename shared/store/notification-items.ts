import { createHash } from 'node:crypto';
import type { Notification } from '../domain/notifications/notification.ts';
import type { Contact, MailDelivery } from '../domain/notifications/ports.ts';
import type { Recipient } from '../domain/notifications/recipients.ts';
import { deadlinePartition, shardOf } from './deadline-items.ts';

/**
 * Where notifications live:
 * - `INBOX#<recipient>` / `N#<id>`: one notice (ids sort by time, newest last);
 *   `INBOX#<recipient>` / `UNREAD`: the count of unread notices, kept in the same writes.
 * - `MAIL#<id>` / `MAIL`: one e-mail delivery; while it is to be sent it is an entry of the
 *   `deadlines` index (kind `mail-delivery`, due at its next attempt); given up, it moves to
 *   the `MAIL#dead` partition of that index, which the credit office lists.
 * - `CONTACT#<recipient>` / `CONTACT`: a party's address; `CONTACTTOKEN#<sha256>` / `TOKEN`:
 *   an outstanding confirmation (expires by TTL); `CONTACTADDR#<sha256 of address>` /
 *   `<recipient>`: who registered an address, so a bounce can stop mail to it.
 */
export const inboxPk = (recipient: Recipient) => `INBOX#${recipient}`;
export const notificationSk = (id: string) => `N#${id}`;
export const UNREAD_SK = 'UNREAD';

export const deliveryKey = (id: string) => ({ pk: `MAIL#${id}`, sk: 'MAIL' });
export const DEAD_MAIL = 'MAIL#dead';

export const contactKey = (recipient: Recipient) => ({ pk: `CONTACT#${recipient}`, sk: 'CONTACT' });
export const tokenKey = (hash: string) => ({ pk: `CONTACTTOKEN#${hash}`, sk: 'TOKEN' });
export const addressPk = (email: string) =>
  `CONTACTADDR#${createHash('sha256').update(email.toLowerCase()).digest('hex')}`;

export function notificationItem(recipient: Recipient, n: Notification): Record<string, unknown> {
  return { pk: inboxPk(recipient), sk: notificationSk(n.id), type: 'notification', notification: n };
}

/** The index keys of a delivery due at `dueAt`. */
export function deliveryDue(id: string, dueAt: string) {
  return {
    kind: 'mail-delivery',
    subjectId: id,
    dueAt,
    dlpk: deadlinePartition('mail-delivery', shardOf(id)),
    dlsk: `${new Date(dueAt).toISOString()}#${id}`,
  };
}

export function deliveryItem(d: MailDelivery): Record<string, unknown> {
  return { ...deliveryKey(d.id), type: 'mail-delivery', delivery: d, ...deliveryDue(d.id, d.dueAt) };
}

export function contactItem(c: Contact): Record<string, unknown> {
  return { ...contactKey(c.recipient), type: 'contact', contact: c, version: c.version };
}
