import { randomBytes } from 'node:crypto';
import { sha256 } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { shanghaiDate } from '../dates.ts';
import { InvalidInputError, NotFoundError, RuleViolationError } from '../errors.ts';
import { confirmationDeliveryId } from './delivery.ts';
import { CONFIRMATION_TTL_MS, confirmationNotice } from './mail.ts';
import type { Contact, ContactStore } from './ports.ts';
import type { Recipient } from './recipients.ts';

/** A second request for the same address within this time sends no second mail. */
export const CONFIRMATION_RESEND_MS = 10 * 60_000;
/** Confirmation mails one party may cause in a day (Asia/Shanghai): the form is no spam cannon. */
export const CONFIRMATIONS_PER_DAY = 5;

/** The page the confirmation link opens; it posts the token to POST /v1/contact/confirmation. */
export const CONFIRMATION_PAGE = 'contact-confirm.html';

/** The same address however it is typed: the domain part is case-insensitive. */
export function normaliseEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const contactNotFound = () =>
  new NotFoundError({
    code: 'contact_not_found',
    messages: { zh: '尚未登记通知邮箱', en: 'no contact address is registered' },
  });

const tokenInvalid = () =>
  new InvalidInputError({
    code: 'contact_token_invalid',
    field: 'token',
    messages: {
      zh: '确认链接无效、已过期或已使用，请在“我的”页面重新登记邮箱',
      en: 'the confirmation link is unknown, expired or already used; register the address again',
    },
  });

const suppressedAddress = () =>
  new RuleViolationError({
    code: 'contact_suppressed',
    field: 'email',
    messages: {
      zh: '发往该邮箱的邮件曾被退回或被投诉为垃圾邮件，已停止发送；请登记其他邮箱',
      en: 'mail to this address bounced or was reported as spam; register another address',
    },
  });

const tooMany = () =>
  new RuleViolationError({
    code: 'contact_confirmations_exhausted',
    field: 'email',
    messages: {
      zh: `今日已发送 ${CONFIRMATIONS_PER_DAY} 封确认邮件，请明日再试`,
      en: `${CONFIRMATIONS_PER_DAY} confirmation mails were sent today; try again tomorrow`,
    },
  });

export type ContactView = Pick<Contact, 'email' | 'status' | 'requestedAt' | 'confirmedAt'>;

export function contactView(contact: Contact): ContactView {
  return {
    email: contact.email,
    status: contact.status,
    requestedAt: contact.requestedAt,
    ...(contact.confirmedAt ? { confirmedAt: contact.confirmedAt } : {}),
  };
}

/** Registering and confirming a party's e-mail address. */
export function makeContacts({
  contacts,
  clock,
  newToken = () => randomBytes(32).toString('base64url'),
}: {
  contacts: ContactStore;
  clock: Clock;
  newToken?: () => string;
}) {
  return {
    async get(recipient: Recipient): Promise<ContactView> {
      const contact = await contacts.get(recipient);
      if (!contact) throw contactNotFound();
      return contactView(contact);
    },

    /**
     * A new address waits for its confirmation; `queued` says whether a confirmation mail was
     * queued now. The address already confirmed, or one asked for moments ago, sends nothing.
     */
    async register(recipient: Recipient, email: string): Promise<{ contact: ContactView; queued: boolean }> {
      const address = normaliseEmail(email);
      const now = clock();
      const before = await contacts.get(recipient);
      if (before?.status === 'suppressed' && sameAddress(before.email, address)) throw suppressedAddress();
      if (before && sameAddress(before.email, address)) {
        const recent = now.getTime() - Date.parse(before.requestedAt) < CONFIRMATION_RESEND_MS;
        if (before.status === 'confirmed' || (before.status === 'pending' && recent))
          return { contact: contactView(before), queued: false };
      }
      const today = shanghaiDate(now);
      const sentToday = before?.confirmations?.day === today ? before.confirmations.count : 0;
      if (sentToday >= CONFIRMATIONS_PER_DAY) throw tooMany();
      const token = newToken();
      const tokenHash = sha256(token);
      const after: Contact = {
        recipient,
        email: address,
        status: 'pending',
        requestedAt: now.toISOString(),
        tokenHash,
        confirmations: { day: today, count: sentToday + 1 },
        version: (before?.version ?? 0) + 1,
      };
      await contacts.request(
        before,
        after,
        { hash: tokenHash, expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS) },
        {
          id: confirmationDeliveryId(recipient, tokenHash),
          recipient,
          kind: 'confirmation',
          notice: confirmationNotice(`${CONFIRMATION_PAGE}?token=${token}`),
          tokenHash,
          status: 'pending',
          attempts: 0,
          dueAt: now.toISOString(),
          createdAt: now.toISOString(),
        },
      );
      return { contact: contactView(after), queued: true };
    },

    /** The link's token confirms the address it was sent to, once, within its time. */
    async confirm(token: string): Promise<ContactView> {
      const now = clock();
      const tokenHash = sha256(token);
      const recipient = await contacts.tokenOwner(tokenHash, now);
      const before = recipient && (await contacts.get(recipient));
      if (before?.status !== 'pending' || before.tokenHash !== tokenHash) throw tokenInvalid();
      const { tokenHash: _used, ...rest } = before;
      const after: Contact = {
        ...rest,
        status: 'confirmed',
        confirmedAt: now.toISOString(),
        version: before.version + 1,
      };
      await contacts.confirm(before, after, tokenHash);
      return contactView(after);
    },
  };
}
