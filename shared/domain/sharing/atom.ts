import type { FeedItem } from './feed.ts';

/** The newest changes an Atom document carries; older ones are read through the JSON feed. */
export const ATOM_ENTRIES = 50;

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text as XML character data or an attribute value. Characters XML 1.0 cannot carry at all
 * (C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) are dropped:
 * one of them in an agency's text must not make the whole document unreadable.
 */
export function escapeXml(text: string): string {
  return [...text]
    .filter((ch) => isXmlChar(ch.codePointAt(0) ?? 0))
    .join('')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** XML 1.0's Char production. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function titleOf(item: FeedItem): string {
  if (item.current === 'shown')
    return `${item.changeLabel}：${item.record.kindLabel} ${item.record.documentNumber}（${item.record.subject.name}）`;
  if (item.current === 'revoked')
    return `${item.changeLabel}：${item.revocation.kindLabel} ${item.revocation.documentNumber}`;
  return `${item.changeLabel}：${item.id}（已不再公开）`;
}

function summaryOf(item: FeedItem): string {
  if (item.current === 'shown') return item.record.summary ?? item.record.kindLabel;
  if (item.current === 'revoked') return `撤销理由：${item.revocation.revocation.reason}`;
  return '该信息已停止公示或撤销公告期已满，不再公开其内容。';
}

/**
 * The feed's newest entries as an Atom 1.0 document (RFC 4287), newest first. Links are
 * relative to the feed's own address (the site serves the API and the pages on one origin).
 */
export function atomDocument(items: readonly FeedItem[], site: { name: string; updated: string }): string {
  const entries = items.map((item) => {
    const link =
      item.current === 'withdrawn'
        ? ''
        : `\n    <link rel="alternate" type="text/html" href="/record.html?id=${escapeXml(encodeURIComponent(item.id))}"/>`;
    return `  <entry>
    <id>urn:disclosure-feed:${item.seq}</id>
    <title>${escapeXml(titleOf(item))}</title>
    <updated>${escapeXml(item.at)}</updated>${link}
    <category term="${item.change}" label="${escapeXml(item.changeLabel)}"/>
    <summary>${escapeXml(summaryOf(item))}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>urn:disclosure-feed</id>
  <title>${escapeXml(`${site.name} 信用信息公开变更`)}</title>
  <updated>${escapeXml(items[0]?.at ?? site.updated)}</updated>
  <author><name>${escapeXml(site.name)}</name></author>
  <link rel="self" type="application/atom+xml" href="/v1/feed.atom"/>
${entries.join('\n')}
</feed>
`;
}
