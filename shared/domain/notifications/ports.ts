import type { IsoDate } from '../dates.ts';
import type { DomainEvent } from '../events.ts';
import type { Notice } from './notices.ts';
import type { Notification } from './notification.ts';
import type { Recipient } from './recipients.ts';

export type ContactStatus = 'pending' | 'confirmed' | 'suppressed';

/** A party's e-mail address for notices; nothing but its confirmation goes to it until confirmed. */
export interface Contact {
  readonly recipient: Recipient;
  readonly email: string;
  readonly status: ContactStatus;
  readonly requestedAt: string;
  readonly confirmedAt?: string | undefined;
  readonly suppressed?: { readonly reason: 'bounce' | 'complaint'; readonly at: string } | undefined;
  /** The SHA-256 of the outstanding confirmation token; the token itself is only in the mail. */
  readonly tokenHash?: string | undefined;
  /** Confirmation mails sent on `day` (Asia/Shanghai), to stop a form being used to spam an address. */
  readonly confirmations?: { readonly day: IsoDate; readonly count: number } | undefined;
  readonly version: number;
}

export type DeliveryStatus = 'pending' | 'sent' | 'dead' | 'skipped';

/** One e-mail to send: exactly one per (event, recipient, channel), or per confirmation token. */
export interface MailDelivery {
  readonly id: string;
  readonly recipient: Recipient;
  readonly kind: 'notification' | 'confirmation';
  readonly notice: Notice;
  readonly notificationId?: string | undefined;
  readonly tokenHash?: string | undefined;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** When to try (again). */
  readonly dueAt: string;
  readonly createdAt: string;
  readonly lastError?: string | undefined;
  readonly sentAt?: string | undefined;
}

export interface InboxPage {
  readonly items: readonly Notification[];
  readonly unread: number;
  readonly cursor?: string | undefined;
}

export interface NotificationStore {
  /** The outbox event a `notify` index item names, while its notices are still to be made. */
  pendingEvent(ref: string): Promise<DomainEvent | undefined>;
  /**
   * In one transaction: the notices into their inboxes, the mail deliveries, and the event
   * marked done. ConflictError when another run already did it.
   */
  deliver(
    ref: string,
    notifications: readonly { recipient: Recipient; notification: Notification }[],
    mails: readonly MailDelivery[],
  ): Promise<void>;
  contacts(recipients: readonly Recipient[]): Promise<ReadonlyMap<Recipient, Contact>>;
  delivery(id: string): Promise<MailDelivery | undefined>;
  /** Takes the delivery for one attempt (a lease), so two runs never send it at once; ConflictError if taken. */
  claim(delivery: MailDelivery, now: Date, leaseMs: number): Promise<void>;
  /** The attempt's end: sent, to try again at `retryAt`, given up (dead letter) or skipped. */
  settle(
    delivery: MailDelivery,
    outcome:
      | { readonly status: 'sent'; readonly at: Date }
      | { readonly status: 'pending'; readonly retryAt: Date; readonly error: string }
      | { readonly status: 'dead'; readonly at: Date; readonly error: string }
      | { readonly status: 'skipped'; readonly at: Date; readonly why: string },
  ): Promise<void>;
  inbox(recipient: Recipient, limit: number, cursor?: string): Promise<InboxPage>;
  /** Marks one notice read; undefined when the recipient has none with that id. */
  markRead(recipient: Recipient, id: string, at: Date): Promise<Notification | undefined>;
}

export interface ContactStore {
  get(recipient: Recipient): Promise<Contact | undefined>;
  /** The new pending contact, its token and its confirmation mail, in one write guarded by `before`. */
  request(
    before: Contact | undefined,
    after: Contact,
    token: { readonly hash: string; readonly expiresAt: Date },
    mail: MailDelivery,
  ): Promise<void>;
  /** Whose token this is, while it has not expired. */
  tokenOwner(hash: string, now: Date): Promise<Recipient | undefined>;
  /** Confirms the contact the token was issued for and uses the token up; ConflictError if it changed. */
  confirm(before: Contact, after: Contact, tokenHash: string): Promise<void>;
}
