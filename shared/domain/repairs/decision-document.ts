import { canonicalJson, sha256 } from '../audit.ts';
import { publicationWindow } from '../policy/publication-window.ts';
import type { DisclosureRecord } from '../records/record.ts';
import type { Repair } from './repair.ts';

/** 信用修复决定书: what the entity downloads once its repair was approved. */
export interface DecisionDocument {
  readonly title: string;
  readonly repairId: string;
  readonly recordId: string;
  readonly documentNumber: string;
  /** The filer: an entity by its USCC, or a natural person by the ID number of their token. */
  readonly entity?: { readonly name: string; readonly uscc: string } | undefined;
  readonly person?: { readonly name: string; readonly idNumber: string } | undefined;
  readonly agency: string;
  readonly decidedAt: string;
  readonly outcome: 'approved';
  readonly reason: string;
  readonly basis: string;
  /** SHA-256 of the canonical JSON of every other field: anyone can check the copy they hold. */
  readonly hash: string;
}

/**
 * What the decision rests on: the repair procedure (国办发〔2025〕22号, in force when any repair
 * is decided here) and the publication regime that set the record's periods, which is not
 * Order No. 36 for a decision taken before 2026-04-01.
 */
export function decisionBasis(record: DisclosureRecord): string {
  const regime =
    record.content.kind === 'penalty'
      ? publicationWindow(record.content.decisionDate, record.content.penalty).basis
      : undefined;
  return `国办发〔2025〕22号${regime ? `；${regime}` : ''}：经审核，同意信用修复，终止公示该行政处罚信息。`;
}

export function decisionDocument(repair: Repair, record: DisclosureRecord): DecisionDocument | undefined {
  if (repair.status !== 'approved' || !repair.decision) return undefined;
  const body = {
    title: '信用修复决定书',
    repairId: repair.id,
    recordId: record.id,
    documentNumber: record.content.documentNumber,
    ...(repair.entity ? { entity: { name: record.content.subject.name, uscc: repair.entity } } : {}),
    ...(repair.person ? { person: { name: record.content.subject.name, idNumber: repair.person } } : {}),
    agency: repair.agency,
    decidedAt: repair.decision.at,
    outcome: 'approved' as const,
    reason: repair.decision.reason,
    basis: decisionBasis(record),
  };
  return { ...body, hash: sha256(canonicalJson(body)) };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The same document as a printable page (zh-CN), every value escaped. It carries no style
 * sheet: presentational attributes survive any Content-Security-Policy, including the site's
 * when the page is opened from a blob URL there.
 */
export function decisionDocumentHtml(doc: DecisionDocument): string {
  const row = (label: string, value: string) =>
    `<tr><th scope="row" align="left">${label}</th><td>${escapeHtml(value)}</td></tr>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head>
<body><main><h1 align="center">${escapeHtml(doc.title)}</h1>
<table border="1" cellpadding="6" cellspacing="0" width="100%">
${row('申请编号', doc.repairId)}
${doc.entity ? `${row('行政相对人', doc.entity.name)}\n${row('统一社会信用代码', doc.entity.uscc)}` : ''}
${doc.person ? `${row('行政相对人', doc.person.name)}\n${row('身份证号码', doc.person.idNumber)}` : ''}
${row('原行政处罚决定书文号', doc.documentNumber)}
${row('决定机关统一社会信用代码', doc.agency)}
${row('决定时间', doc.decidedAt)}
${row('决定', '同意信用修复，终止公示')}
${row('理由', doc.reason)}
${row('依据', doc.basis)}
</table><p>核验码（SHA-256）：<code>${escapeHtml(doc.hash)}</code></p></main></body></html>
`;
}
