import type { CaughtMail } from '../../local/mail-catcher.ts';
import { call } from './http.ts';
import type { TestService } from './local-service.ts';

/** The confirmation token a confirmation mail carries in its link. */
export function tokenIn(mail: CaughtMail): string {
  const token = /contact-confirm\.html\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no confirmation link in: ${mail.text}`);
  return token;
}

/**
 * Registers `email` for the caller of `token` and confirms it through the link of the mail
 * that arrives over SMTP, as a person would: PUT, the notifications sweep, the link's token.
 */
export async function confirmedAddress(
  service: TestService,
  token: string,
  email: string,
  mails: () => readonly CaughtMail[],
): Promise<void> {
  const put = await call(service.url, 'PUT', '/v1/contact', { token, body: { email } });
  if (put.status !== 202) throw new Error(`PUT /v1/contact answered ${put.status}: ${put.text}`);
  await service.sweeps('notifications');
  const mail = mails().findLast((m) => m.to.includes(email));
  if (!mail) throw new Error(`no confirmation mail reached ${email}`);
  const confirmed = await call(service.url, 'POST', '/v1/contact/confirmation', {
    body: { token: tokenIn(mail) },
  });
  if (confirmed.status !== 200)
    throw new Error(`confirmation answered ${confirmed.status}: ${confirmed.text}`);
}

export const mailsTo = (mails: readonly CaughtMail[], email: string) =>
  mails.filter((m) => m.to.includes(email));
