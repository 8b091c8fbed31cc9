import { sha256 } from '../audit.ts';
import { doublingDelayMs } from '../backoff.ts';
import type { DeadlineHandler } from '../deadlines/sweep.ts';
import { ConflictError } from '../errors.ts';
import { CONFIRMATION_TTL_MS, type MailSender, renderMail } from './mail.ts';
import type { Contact, MailDelivery, NotificationStore } from './ports.ts';
import type { Recipient } from './recipients.ts';

/**
 * Retries: 1, 2, 4 … minutes after each failure, at most 2 hours apart; after 12 failures
 * (about 12 hours of a mail server that does not answer) the mail is given up and listed for
 * the credit office, who can send it again. The notice itself is in the inbox all along.
 */
export const MAIL_RETRY = { maxAttempts: 12, firstDelayMs: 60_000, maxDelayMs: 2 * 3600_000 } as const;

/** How long one attempt holds a delivery: longer than the sender's own timeouts. */
export const MAIL_LEASE_MS = 120_000;

export function retryDelayMs(failures: number): number {
  return doublingDelayMs(failures, MAIL_RETRY);
}

/** Exactly one e-mail per (event, recipient, channel): the delivery's key says so. */
export function deliveryId(eventId: string, recipient: Recipient, channel = 'email'): string {
  return sha256(`${eventId}\u0000${recipient}\u0000${channel}`).slice(0, 40);
}

export function confirmationDeliveryId(recipient: Recipient, tokenHash: string): string {
  return sha256(`confirmation\u0000${recipient}\u0000${tokenHash}`).slice(0, 40);
}

/** The address a delivery may go to now, or why it may not. */
export function addressFor(delivery: MailDelivery, contact: Contact | undefined): string | { skip: string } {
  if (!contact) return { skip: 'no-contact' };
  if (delivery.kind === 'confirmation') {
    return contact.status === 'pending' && contact.tokenHash === delivery.tokenHash
      ? contact.email
      : { skip: 'confirmation-superseded' };
  }
  return contact.status === 'confirmed' ? contact.email : { skip: `contact-${contact.status}` };
}

export interface MailDeliveryDeps {
  readonly store: NotificationStore;
  /** The time now, read at the claim: a run's own start may be minutes old by then. */
  readonly clock: () => Date;
  readonly sender: MailSender;
  readonly siteUrl: string;
  /** The district's site name in each mail (SITE_NAME); the default otherwise. */
  readonly siteName?: string | undefined;
  /** Counts what happened, for metrics: 'sent', 'failed', 'dead', 'skipped'. */
  readonly count?: (what: 'sent' | 'failed' | 'dead' | 'skipped') => void;
}

/**
 * Sends one due delivery. A failure to send is not an error of the sweep: the delivery is
 * kept with its next attempt as its due instant, or given up after its last. The address is
 * read at sending time, so a contact changed or suppressed since is respected.
 */
export function makeMailDeliveryHandler({
  store,
  sender,
  siteUrl,
  siteName,
  clock,
  count = () => {},
}: MailDeliveryDeps) {
  const handler: DeadlineHandler = async (item, now) => {
    const delivery = await store.delivery(item.subjectId);
    if (!delivery) return 'stale';
    if (delivery.status !== 'pending') return `mail-${delivery.status}`;
    if (Date.parse(delivery.dueAt) > now.getTime()) return 'not-due';
    const contact = (await store.contacts([delivery.recipient])).get(delivery.recipient);
    const to = isExpiredConfirmation(delivery, now)
      ? { skip: 'confirmation-expired' }
      : addressFor(delivery, contact);
    if (typeof to !== 'string') {
      await store.settle(delivery, { status: 'skipped', at: now, why: to.skip });
      count('skipped');
      return 'mail-skipped';
    }
    await store.claim(delivery, clock(), MAIL_LEASE_MS);
    try {
      await sender.send({
        to,
        ...renderMail(delivery.notice, siteUrl, siteName),
        idempotencyKey: delivery.id,
      });
    } catch (error) {
      // The credit office reads this on its dead-letter list: no recipient's address in it.
      const why = maskAddresses(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      const failures = delivery.attempts + 1;
      if (failures >= MAIL_RETRY.maxAttempts) {
        await store.settle(delivery, { status: 'dead', at: now, error: why });
        count('dead');
        return 'mail-dead-lettered';
      }
      await store.settle(delivery, {
        status: 'pending',
        retryAt: new Date(now.getTime() + retryDelayMs(failures)),
        error: why,
      });
      count('failed');
      return 'mail-retry-later';
    }
    // Sent: a failure to record it now would send it again after the lease, so it is retried
    // here a few times before giving up (the one window where a mail can go twice).
    await settleSent(store, delivery, now);
    count('sent');
    return 'mail-sent';
  };
  return handler;
}

/** A confirmation whose link has expired is not sent (nor sent again from the dead letters). */
function isExpiredConfirmation(delivery: MailDelivery, now: Date): boolean {
  return (
    delivery.kind === 'confirmation' && Date.parse(delivery.createdAt) + CONFIRMATION_TTL_MS <= now.getTime()
  );
}

/** Mail servers name the refused address in their errors; the office's list must not. */
export function maskAddresses(text: string): string {
  return text.replace(/[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+/g, '***@***');
}

async function settleSent(store: NotificationStore, delivery: MailDelivery, at: Date): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.settle(delivery, { status: 'sent', at });
    } catch (error) {
      if (error instanceof ConflictError || attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
