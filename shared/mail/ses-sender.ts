import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { MailSender } from '../domain/notifications/mail.ts';

/** All the sender needs of an SES v2 client, so tests can hand it a recording stand-in. */
export interface SesClientLike {
  send(command: SendEmailCommand): Promise<unknown>;
}

export interface SesSenderOptions {
  /** Built once per sender when not given: the region and credentials come from the environment. */
  readonly client?: SesClientLike;
  /** `MAIL_FROM`: an address of the verified sending domain, e.g. `noreply@<mailDomain>`. */
  readonly from: string;
  /** `SES_CONFIGURATION_SET`: routes bounces and complaints to the suppression handler. */
  readonly configurationSet: string;
}

/** The tag that names the delivery, so a bounce or a log line in SES leads back to it. */
export const DELIVERY_TAG = 'delivery';

/** SES accepts tag values of at most 256 characters from [A-Za-z0-9_-] and refuses the call otherwise. */
const TAG_VALUE_MAX = 256;

/** An idempotency key made acceptable as an SES tag value (the key itself may hold `:` or `#`). */
export function tagValue(key: string): string {
  const value = key.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, TAG_VALUE_MAX);
  return value === '' ? '_' : value;
}

/**
 * A mail that SES has not answered within these times is retried by the SDK, then given up,
 * and the delivery is tried again later: the sweep that sends it has a time budget to keep.
 */
const SES_TRANSPORT = { connectionTimeout: 2000, requestTimeout: 5000, maxAttempts: 3 } as const;

function defaultClient(): SESv2Client {
  return new SESv2Client({
    maxAttempts: SES_TRANSPORT.maxAttempts,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: SES_TRANSPORT.connectionTimeout,
      requestTimeout: SES_TRANSPORT.requestTimeout,
      throwOnRequestTimeout: true,
    }),
  });
}

/**
 * The MailSender on AWS: one SES v2 SendEmail per mail, through the configuration set (so SES
 * reports bounces and complaints and keeps its own suppression list), text and HTML in UTF-8.
 * Any error of the SDK propagates unchanged: the caller counts it as not sent and retries.
 */
export function sesSender(options: SesSenderOptions): MailSender {
  const client = options.client ?? defaultClient();
  return {
    async send(mail) {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: options.from,
          Destination: { ToAddresses: [mail.to] },
          ConfigurationSetName: options.configurationSet,
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: mail.text, Charset: 'UTF-8' },
                Html: { Data: mail.html, Charset: 'UTF-8' },
              },
            },
          },
          EmailTags: [{ Name: DELIVERY_TAG, Value: tagValue(mail.idempotencyKey) }],
        }),
      );
    },
  };
}
