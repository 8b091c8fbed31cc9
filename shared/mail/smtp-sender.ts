import { createTransport } from 'nodemailer';
import type { MailSender } from '../domain/notifications/mail.ts';

/**
 * A mail server that does not answer within these times counts as down: the delivery is tried
 * again later, and the sweep moves on instead of waiting on it.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 15000 } as const;

/**
 * The MailSender on one machine: SMTP to `MAIL_URL` (the embedded catcher of `npm start`, or
 * any server such as Mailpit). The delivery's key is the Message-ID, so a receiving system
 * that sees one message twice (a crash between sending and recording) can tell.
 */
export function smtpSender({ url, from }: { url: string; from: string }): MailSender & { close(): void } {
  const transport = createTransport({ url, ...SMTP_TIMEOUTS });
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.idempotencyKey}@disclosure-service.local>`,
        headers: { 'X-Delivery-Id': mail.idempotencyKey },
      });
    },
    close: () => transport.close(),
  };
}
