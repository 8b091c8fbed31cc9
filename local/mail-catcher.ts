import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { escapeHtml } from '../shared/domain/notifications/mail.ts';

/** One message the catcher received, as its page shows it. */
export interface CaughtMail {
  readonly id: number;
  readonly at: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly messageId: string;
}

export interface MailCatcher {
  /** `smtp://127.0.0.1:<port>`: where the service sends its mail. */
  readonly url: string;
  /** Newest last. */
  messages(): readonly CaughtMail[];
  stop(): Promise<void>;
}

/** The catcher keeps the latest messages only: it is a window for people and tests, not a store. */
const KEPT = 500;

/**
 * A real SMTP server on this machine that keeps what it receives: `npm start` sends its mail
 * here over SMTP unless MAIL_URL names another server (such as Mailpit). Loopback only, no
 * authentication, no TLS: nothing leaves the machine.
 */
export async function startMailCatcher(port = 0, host = '127.0.0.1'): Promise<MailCatcher> {
  const kept: CaughtMail[] = [];
  let next = 1;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'disclosure-service local mail catcher',
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const address = (a: AddressObject | AddressObject[] | undefined) =>
            a ? (Array.isArray(a) ? a : [a]).flatMap((x) => x.value.map((v) => v.address ?? '')) : [];
          kept.push({
            id: next++,
            at: new Date().toISOString(),
            from: address(parsed.from).join(', '),
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? '',
          });
          if (kept.length > KEPT) kept.splice(0, kept.length - KEPT);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // SMTPServer re-emits its listener's and its connections' errors on itself: an error event
  // with no listener would end the whole service. Before it listens, an error is the port's.
  let starting: ((error: Error) => void) | undefined;
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (starting) return starting(error);
    process.stderr.write(`mail catcher: ${error.code ?? error.message}\n`);
  });
  const listen = (on: number) =>
    new Promise<void>((resolve, reject) => {
      starting = reject;
      server.listen(on, host, () => {
        starting = undefined;
        resolve();
      });
    });
  // A second service on this machine (or another program) may hold the usual port: the
  // catcher then takes a free one, and the service sends there; its page is the same.
  await listen(port).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' || port === 0) throw error;
    return listen(0);
  });
  const { port: bound } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${host}:${bound}`,
    messages: () => [...kept],
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The catcher's page at /local/mail: every message caught, newest first, as plain text. */
export function mailPage(messages: readonly CaughtMail[]): string {
  const items = [...messages]
    .reverse()
    .map(
      (m) => `<article aria-labelledby="m${m.id}">
  <h2 id="m${m.id}">${escapeHtml(m.subject || '（无主题）')}</h2>
  <p>收件人：${escapeHtml(m.to.join('，'))}　发件人：${escapeHtml(m.from)}　收到时间：<time datetime="${m.at}">${escapeHtml(m.at)}</time></p>
  <pre>${escapeHtml(m.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>本地邮件 - 济阳区信用信息公示</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f4f4;padding:.75rem}article{border-bottom:1px solid #ccc;padding:.5rem 0}</style>
</head><body><main>
<h1>本地邮件（${messages.length} 封）</h1>
<p>本机运行时，服务发出的邮件经 SMTP 送到这里，不会离开本机。</p>
${items || '<p>尚未收到邮件。</p>'}
</main></body></html>`;
}
