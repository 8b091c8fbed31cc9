import * as z from 'zod';
import type { MailSender } from '../domain/notifications/mail.ts';
import { siteFrom } from '../site/site-config.ts';
import { sesSender } from './ses-sender.ts';
import { smtpSender } from './smtp-sender.ts';

const mailEnv = z.discriminatedUnion('MAIL_TRANSPORT', [
  z.object({
    MAIL_TRANSPORT: z.literal('ses'),
    MAIL_FROM: z.email(),
    SES_CONFIGURATION_SET: z.string().min(1),
    SITE_URL: z.url(),
  }),
  z.object({
    MAIL_TRANSPORT: z.literal('smtp').default('smtp'),
    MAIL_URL: z.url().default('smtp://127.0.0.1:2525'),
    MAIL_FROM: z.email().default('noreply@disclosure.localhost'),
    SITE_URL: z.url().default('http://localhost:3000'),
  }),
]);

export interface MailSettings {
  readonly sender: MailSender;
  /** The site the mails link to. */
  readonly siteUrl: string;
  /** The district's site name the mails sign with (SITE_NAME). */
  readonly siteName: string;
}

/** How e-mail leaves, from the environment: SES on AWS (set by the stack), SMTP elsewhere. */
export function mailFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const parsed = mailEnv.safeParse({ MAIL_TRANSPORT: 'smtp', ...env });
  if (!parsed.success) throw new Error(`mail configuration: ${z.prettifyError(parsed.error)}`);
  const c = parsed.data;
  const { name: siteName } = siteFrom(env);
  return c.MAIL_TRANSPORT === 'ses'
    ? {
        sender: sesSender({ from: c.MAIL_FROM, configurationSet: c.SES_CONFIGURATION_SET }),
        siteUrl: c.SITE_URL,
        siteName,
      }
    : { sender: smtpSender({ url: c.MAIL_URL, from: c.MAIL_FROM }), siteUrl: c.SITE_URL, siteName };
}
