import { SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import type { OutgoingMail } from '../../shared/domain/notifications/mail.ts';
import { type SesClientLike, sesSender, tagValue } from '../../shared/mail/ses-sender.ts';

/**
 * Amazon SES cannot run on this machine, so the client is a recording stand-in: these tests
 * prove the request the adapter builds (the SendEmail input SES documents), not delivery.
 */
function recordingClient(fail?: Error): SesClientLike & { readonly sent: SendEmailCommandInput[] } {
  const sent: SendEmailCommandInput[] = [];
  return {
    sent,
    async send(command) {
      expect(command).toBeInstanceOf(SendEmailCommand);
      sent.push(command.input);
      if (fail) throw fail;
      return { MessageId: `message-${sent.length}` };
    },
  };
}

const aMail = (overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  to: 'zhang.san@example.cn',
  subject: '异议处理结果通知',
  text: '您提交的异议已办结。',
  html: '<p>您提交的异议已办结。</p>',
  idempotencyKey: 'mail:notification#01J0ABCDEF',
  ...overrides,
});

const options = { from: 'noreply@credit.example.cn', configurationSet: 'disclosure-mail' };

describe('the SES mail sender (SES mocked: it cannot run here)', () => {
  it('sends one simple UTF-8 mail, text and HTML, from the configured address through the configuration set', async () => {
    const client = recordingClient();
    const mail = aMail();

    await sesSender({ ...options, client }).send(mail);

    expect(client.sent).toEqual([
      {
        FromEmailAddress: 'noreply@credit.example.cn',
        Destination: { ToAddresses: ['zhang.san@example.cn'] },
        ConfigurationSetName: 'disclosure-mail',
        Content: {
          Simple: {
            Subject: { Data: '异议处理结果通知', Charset: 'UTF-8' },
            Body: {
              Text: { Data: '您提交的异议已办结。', Charset: 'UTF-8' },
              Html: { Data: '<p>您提交的异议已办结。</p>', Charset: 'UTF-8' },
            },
          },
        },
        EmailTags: [{ Name: 'delivery', Value: 'mail_notification_01J0ABCDEF' }],
      },
    ]);
  });

  it('rejects with the SDK error when SES refuses the mail, so the delivery is retried', async () => {
    const refused = Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' });
    const client = recordingClient(refused);

    await expect(sesSender({ ...options, client }).send(aMail())).rejects.toBe(refused);
    expect(client.sent).toHaveLength(1);
  });
});

describe('tagValue', () => {
  it('keeps letters, digits, underscores and hyphens as they are', () => {
    expect(tagValue('Delivery_01-abc')).toBe('Delivery_01-abc');
  });

  it('replaces every other character, Chinese included, with an underscore', () => {
    expect(tagValue('a:b#c/d e.f@g张')).toBe('a_b_c_d_e_f_g_');
  });

  it('cuts a long key to the 256 characters SES allows, and never leaves the value empty', () => {
    expect(tagValue('k'.repeat(300))).toHaveLength(256);
    expect(tagValue('')).toBe('_');
  });
});
