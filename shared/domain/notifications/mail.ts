import type { Notice } from './notices.ts';

/** One e-mail as the sender hands it over. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The same for every attempt at one delivery, so a receiving system can drop a repeat. */
  readonly idempotencyKey: string;
}

/** Sends one e-mail, or throws: then it was not sent and is tried again later. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

/** The default name (shared/site/site-config.ts DEFAULT_SITE.name); a deployment passes its own. */
export const SITE_NAME = '济阳区信用信息公示';

/** How long a confirmation link works (the mail says 24 小时). */
export const CONFIRMATION_TTL_MS = 24 * 3600_000;

const FOOTER = [
  '本邮件由系统自动发送，请勿直接回复。',
  '邮件通知发往您在网站“我的”页面登记的邮箱，可在该页面更换；站内消息不受影响。',
];

/** Text made safe inside HTML, for the mail's HTML part and the local catcher's page. */
export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A link to the site, absolute: a mail is read outside it. */
export function siteLink(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * The e-mail of a notice, in Chinese, as plain text and HTML with the same words. It carries
 * only the notice (which the recipient reads in its inbox anyway) and a link to the site.
 */
export function renderMail(
  notice: Notice,
  siteUrl: string,
  siteName: string = SITE_NAME,
): Pick<OutgoingMail, 'subject' | 'text' | 'html'> {
  const link = notice.link ? siteLink(siteUrl, notice.link) : undefined;
  const body = [
    ...notice.lines,
    ...(notice.basis ? [`依据：${notice.basis}`] : []),
    ...(link ? [`查看详情：${link}`] : []),
  ];
  const text = [`${notice.title}`, '', ...body, '', ...FOOTER, `—— ${siteName}`].join('\n');
  const html = [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(notice.title)}</title></head><body>`,
    `<h1 style="font-size:18px">${escapeHtml(notice.title)}</h1>`,
    ...notice.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...(notice.basis ? [`<p>依据：${escapeHtml(notice.basis)}</p>`] : []),
    ...(link ? [`<p><a href="${escapeHtml(link)}">查看详情</a></p>`] : []),
    `<hr><p style="color:#555;font-size:13px">${FOOTER.map(escapeHtml).join('<br>')}<br>—— ${escapeHtml(siteName)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: `【${siteName}】${notice.title}`, text, html };
}

/** The one message an unconfirmed address receives: the link that confirms it. */
export function confirmationNotice(link: string): Notice {
  return {
    title: '请确认您的通知邮箱',
    lines: [
      '您在本网站登记了此邮箱，用于接收异议、信用修复、公示期限等事项的通知。',
      '请在 24 小时内打开下面的链接完成确认；确认前，本网站不会向此邮箱发送其他邮件。',
      '如非本人操作，请忽略本邮件。',
    ],
    link,
  };
}
