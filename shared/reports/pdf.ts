import PDFDocument from 'pdfkit';
import type { ReportContent, ReportLine } from '../domain/reports/content.ts';
import { reportSections } from '../domain/reports/html.ts';
import { reportFont } from './font.ts';
import { qrPng } from './qr.ts';

/*
 * The report as a PDF (pdfkit, A4, Noto Sans SC embedded as a subset). The same content
 * always gives the same bytes: the creation date is the report's time and pdfkit derives
 * the file ID from the document info, so the SHA-256 of a download is the one recorded.
 */

const MARGIN = 50;

export async function reportPdf(c: ReportContent): Promise<Uint8Array> {
  const issued = new Date(c.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // The report's own font from the start: pdfkit then never loads its Helvetica metrics,
    // files a Lambda bundle does not carry. pdfkit takes the font's bytes as well as a path;
    // @types/pdfkit declares only the path.
    font: reportFont() as unknown as string,
    bufferPages: true,
    info: { Title: `${c.title} ${c.number}`, Author: c.issuer, CreationDate: issued, ModDate: issued },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  doc.fontSize(18).text(c.title, { align: 'center' }).moveDown(0.5);
  const top = doc.y;
  doc.image(await qrPng(c.verifyUrl), MARGIN + width - 90, top, { width: 90 });
  doc.fontSize(10);
  for (const [k, v] of [
    ['报告编号', c.number],
    ['出具时间（北京时间）', c.issuedAt],
    ['核验码', c.verificationCode],
    ['出具单位', c.issuer],
  ] as const) {
    doc.text(`${k}：${v}`, MARGIN, doc.y, { width: width - 100 });
  }
  doc.text(`核验地址：${c.verifyUrl}`, MARGIN, doc.y, { width: width - 100 });
  doc.y = Math.max(doc.y, top + 95);

  const heading = (text: string) =>
    doc.moveDown(0.6).fontSize(13).text(text, MARGIN).fontSize(9.5).moveDown(0.2);
  const para = (text: string): void => {
    doc.text(text, MARGIN, doc.y, { width });
  };
  const lines = (ls: readonly ReportLine[]) => {
    if (ls.length === 0) {
      para('无');
      return;
    }
    for (const [i, l] of ls.entries())
      para(
        `${i + 1}. ${l.decisionDate}  ${l.documentNumber}  ${l.agency}  ${l.summary}${l.note ? `（${l.note}）` : ''}`,
      );
  };

  for (const s of reportSections(c)) {
    heading(s.title);
    switch (s.kind) {
      case 'basic':
        para(`主体名称：${c.subject.name}`);
        para(`统一社会信用代码：${c.subject.uscc}`);
        para(`主体类别：${c.subject.category}`);
        break;
      case 'records':
        for (const k of c.records) {
          doc.fontSize(11).text(`${k.kind}（${k.lines.length} 条）`, MARGIN).fontSize(9.5);
          lines(k.lines);
        }
        break;
      case 'unpublished':
        lines(c.unpublished ?? []);
        break;
      case 'entries':
        if (c.entries.length === 0) para('未被列入严重失信主体名单或重点关注名单');
        for (const [i, e] of c.entries.entries())
          para(
            `${i + 1}. ${e.type}  认定部门：${e.agency}  列入：${e.listedOn}  有效期至：${e.validUntil}  ${e.status}  依据：${e.basis}`,
          );
        break;
      case 'commitments':
        if (c.commitments.length === 0) para('无信用承诺记录');
        for (const [i, m] of c.commitments.entries())
          para(
            `${i + 1}. ${m.type}  ${m.matter}  承诺日期：${m.madeOn}  受理单位：${m.receiver}  ${m.status}${m.breach ? `  失信情况：${m.breach}` : ''}`,
          );
        break;
      case 'review':
        if (c.underReview.length === 0) para('无');
        for (const t of c.underReview) para(t);
        break;
    }
  }
  doc.moveDown(1);
  para(
    '本报告反映出具时本系统所载信息。可扫描二维码或访问核验地址，核对报告编号、出具时间及文件的 SHA-256 值。',
  );

  // 第 n 页 / 共 m 页 with the number on every page, so a page cannot be taken from another report.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).text(`${c.number}  第 ${i + 1} 页 / 共 ${range.count} 页`, MARGIN, doc.page.height - 30, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
