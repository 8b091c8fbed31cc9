import * as z from 'zod';
import type { Clock } from '../../shared/domain/clock.ts';

/** Why an address stops receiving mail: it bounced for good, or its owner reported the mail as spam. */
export type SuppressionReason = 'bounce' | 'complaint';

export interface Suppression {
  readonly email: string;
  readonly reason: SuppressionReason;
  readonly at: Date;
}

/** What the handler needs of the contact repository (shared/store/contact-repository.ts). */
export interface SuppressContacts {
  suppress(email: string, reason: SuppressionReason, at: Date): Promise<number>;
}

const recipient = z.object({ emailAddress: z.string().min(1) });
const instant = z.iso.datetime({ offset: true }).optional();
const mail = z.object({ timestamp: instant });

/**
 * The `detail` of an SES event on the default bus: the event-publishing record of the
 * configuration set (detail-type "Email Bounced" or "Email Complaint Received"). Only the
 * fields read here are declared; SES adds more (headers, feedback ids), which zod drops.
 */
const sesEvent = z.object({
  detail: z.discriminatedUnion('eventType', [
    z.object({
      eventType: z.literal('Bounce'),
      bounce: z.object({
        // Permanent, Transient or Undetermined.
        bounceType: z.string(),
        bouncedRecipients: z.array(recipient),
        timestamp: instant,
      }),
      mail,
    }),
    z.object({
      eventType: z.literal('Complaint'),
      complaint: z.object({ complainedRecipients: z.array(recipient), timestamp: instant }),
      mail,
    }),
  ]),
});

/** `"Name" <a@b>` as some mail servers report a recipient, or the address alone. */
function addressOf(recipientField: string): string {
  const bracketed = /<([^<>]+)>\s*$/.exec(recipientField);
  return (bracketed?.[1] ?? recipientField).trim();
}

/**
 * The addresses an SES bounce or complaint event tells the service to stop mailing. Only a
 * permanent bounce counts: a transient one (mailbox full, server down) is retried by SES and
 * says nothing lasting about the address. The instant is the bounce's or complaint's own,
 * else the mail's, else now. Throws on an event that is neither (the rule lets through no
 * other), so a change in SES's format fails loudly rather than suppressing nothing.
 */
export function suppressionsOf(event: unknown, now: Clock = () => new Date()): Suppression[] {
  const { detail } = sesEvent.parse(event);
  const when = (timestamp: string | undefined) =>
    new Date(timestamp ?? detail.mail.timestamp ?? now().toISOString());
  if (detail.eventType === 'Bounce') {
    if (detail.bounce.bounceType !== 'Permanent') return [];
    const at = when(detail.bounce.timestamp);
    return detail.bounce.bouncedRecipients.map((r) => ({
      email: addressOf(r.emailAddress),
      reason: 'bounce',
      at,
    }));
  }
  const at = when(detail.complaint.timestamp);
  return detail.complaint.complainedRecipients.map((r) => ({
    email: addressOf(r.emailAddress),
    reason: 'complaint',
    at,
  }));
}

export interface BounceHandlerDeps {
  readonly contacts: SuppressContacts;
  readonly clock: Clock;
}

/**
 * The Lambda's work: suppress each address the event names, one after the other (an event
 * names one recipient, since the service mails one address at a time). An error propagates:
 * the invocation fails and Lambda's asynchronous retries run it again; suppress is idempotent.
 */
export function makeBounceHandler({ contacts, clock }: BounceHandlerDeps) {
  return async (event: unknown): Promise<{ suppressed: number; contacts: number }> => {
    const suppressions = suppressionsOf(event, clock);
    let changed = 0;
    for (const { email, reason, at } of suppressions) changed += await contacts.suppress(email, reason, at);
    return { suppressed: suppressions.length, contacts: changed };
  };
}
