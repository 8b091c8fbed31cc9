import type { ReportContent, ReportLine } from './content.ts';

/*
 * The report as one self-contained HTML page (styles inline, the QR code as inline SVG):
 * what is hashed is exactly what is downloaded, with nothing fetched from elsewhere.
 */

const esc = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const table = (head: readonly string[], rows: readonly (readonly string[])[], empty: string) =>
  rows.length === 0
    ? `<p class="none">${esc(empty)}</p>`
    : `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;

const recordRows = (lines: readonly ReportLine[]) =>
  lines.map((l) => [l.decisionDate, l.documentNumber, l.agency, l.summary, l.note ?? ''] as const);
const RECORD_HEAD = ['决定日期', '决定文书号', '决定机关', '内容', '状态'] as const;

/** The numbered sections, in the order both renderers draw them. */
export function reportSections(c: ReportContent) {
  return [
    { title: '一、基本信息', kind: 'basic' as const },
    { title: '二、行政行为信息（公示中）', kind: 'records' as const },
    ...(c.unpublished ? [{ title: '三、依法不公示的行政处罚（专项）', kind: 'unpublished' as const }] : []),
    { title: `${c.unpublished ? '四' : '三'}、信用名单`, kind: 'entries' as const },
    { title: `${c.unpublished ? '五' : '四'}、信用承诺及履约情况`, kind: 'commitments' as const },
    { title: `${c.unpublished ? '六' : '五'}、异议及信用修复处理中事项`, kind: 'review' as const },
  ];
}

export function reportHtml(c: ReportContent, qrSvg: string): string {
  const body = reportSections(c)
    .map((s) => {
      const inner = (() => {
        switch (s.kind) {
          case 'basic':
            return table(
              ['项目', '内容'],
              [
                ['主体名称', c.subject.name],
                ['统一社会信用代码', c.subject.uscc],
                ['主体类别', c.subject.category],
              ],
              '',
            );
          case 'records':
            return c.records
              .map(
                (k) =>
                  `<h3>${esc(k.kind)}（${k.lines.length} 条）</h3>${table(RECORD_HEAD, recordRows(k.lines), '无')}`,
              )
              .join('');
          case 'unpublished':
            return table(RECORD_HEAD, recordRows(c.unpublished ?? []), '无');
          case 'entries':
            return table(
              ['名单类型', '认定部门', '列入日期', '有效期至', '状态', '认定依据'],
              c.entries.map((e) => [e.type, e.agency, e.listedOn, e.validUntil, e.status, e.basis]),
              '未被列入严重失信主体名单或重点关注名单',
            );
          case 'commitments':
            return table(
              ['承诺类型', '承诺事由', '承诺日期', '承诺受理单位', '履约状态', '失信情况'],
              c.commitments.map((m) => [m.type, m.matter, m.madeOn, m.receiver, m.status, m.breach ?? '']),
              '无信用承诺记录',
            );
          case 'review':
            return c.underReview.length
              ? `<ul>${c.underReview.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`
              : '<p class="none">无</p>';
        }
      })();
      return `<section><h2>${esc(s.title)}</h2>${inner}</section>`;
    })
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(c.title)} ${esc(c.number)}</title>
<style>body{font-family:"Noto Sans SC","Noto Sans CJK SC",sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.5rem;text-align:center}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #888;padding:.25rem .5rem;text-align:left;vertical-align:top}
.meta{display:flex;gap:1rem;justify-content:space-between;align-items:flex-start;flex-wrap:wrap}.qr svg{width:8rem;height:8rem}.none{color:#444}
@media (max-width:40rem){table{display:block;overflow-x:auto}}</style></head>
<body><main><h1>${esc(c.title)}</h1>
<div class="meta"><dl><dt>报告编号</dt><dd>${esc(c.number)}</dd><dt>出具时间（北京时间）</dt><dd>${esc(c.issuedAt)}</dd>
<dt>核验码</dt><dd>${esc(c.verificationCode)}</dd><dt>核验地址</dt><dd>${esc(c.verifyUrl)}</dd><dt>出具单位</dt><dd>${esc(c.issuer)}</dd></dl>
<div class="qr" role="img" aria-label="核验地址二维码">${qrSvg}</div></div>
${body}
<p>本报告反映出具时本系统所载信息。可扫描二维码或访问核验地址，核对报告编号、出具时间及文件的 SHA-256 值。</p>
</main></body></html>
`;
}
