import { describe, expect, it } from 'vitest';
import { startMailCatcher } from '../../local/mail-catcher.ts';
import { smtpSender } from '../../shared/mail/smtp-sender.ts';

/* The local SMTP hop, both ends real: nodemailer sends, smtp-server receives and parses. */
describe('the local mail catcher', () => {
  it('receives a Chinese mail over SMTP with the delivery key as its Message-ID', async () => {
    const catcher = await startMailCatcher(0);
    const sender = smtpSender({ url: catcher.url, from: 'noreply@disclosure.localhost' });
    try {
      await sender.send({
        to: 'a@example.com',
        subject: '【济阳区信用信息公示】异议处理结果',
        text: '理由：经核实',
        html: '<p>理由：经核实</p>',
        idempotencyKey: 'abc123',
      });
      const [mail] = catcher.messages();
      expect(mail).toMatchObject({ to: ['a@example.com'], subject: '【济阳区信用信息公示】异议处理结果' });
      expect(mail?.text.trim()).toBe('理由：经核实');
      expect(mail?.messageId).toBe('<abc123@disclosure-service.local>');
    } finally {
      sender.close();
      await catcher.stop();
    }
  });

  it('takes a free port when the usual one is held, instead of stopping the service', async () => {
    const first = await startMailCatcher(0);
    const port = Number(new URL(first.url).port);
    const second = await startMailCatcher(port);
    try {
      expect(second.url).not.toBe(first.url);
      expect(Number(new URL(second.url).port)).toBeGreaterThan(0);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('refuses to send to a server that is not there, so the delivery is tried again', async () => {
    const gone = await startMailCatcher(0);
    await gone.stop();
    const sender = smtpSender({ url: gone.url, from: 'noreply@disclosure.localhost' });
    await expect(
      sender.send({ to: 'a@example.com', subject: 's', text: 't', html: 'h', idempotencyKey: 'k' }),
    ).rejects.toThrow(/ECONNREFUSED/);
    sender.close();
  });
});
