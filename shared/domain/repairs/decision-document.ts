import { canonicalJson, sha256 } from '../audit.ts';
import { shanghaiDate, shanghaiTimestamp } from '../dates.ts';
import { type Verification, verifyPath } from '../documents/verification.ts';
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
  /** The deciding agency's name as the directory had it at decision time (落款). */
  readonly agencyName?: string | undefined;
  readonly decidedAt: string;
  /** 落款日期: the day of the decision in Beijing time, 2026年12月5日. */
  readonly signedOn?: string | undefined;
  readonly outcome: 'approved';
  readonly reason: string;
  readonly basis: string;
  /** 核验码: checked on the site (verify.html) against the service's record of this document. */
  readonly verificationCode?: string | undefined;
  /** SHA-256 of the canonical JSON of every other field: anyone can check the copy they hold. */
  readonly hash: string;
}

/** 2026年12月5日: the day of `at` in Beijing time, as a 落款 writes it. */
export function signedOn(at: Date): string {
  const [y, m, d] = shanghaiDate(at).split('-').map(Number);
  return `${y}年${m}月${d}日`;
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

/**
 * The document as issued at the approval, frozen from then on: what the record, the directory
 * and the law said that day, with its 核验码. A later correction of the record or a renamed
 * agency changes nothing in it (it is kept with the decision: repair.ts).
 */
export function issueDecisionDocument(
  repair: Repair,
  record: DisclosureRecord,
  issued: { readonly agencyName: string; readonly code: string },
): DecisionDocument | undefined {
  const draft = decisionDocument(repair, record);
  if (!draft || !repair.decision) return undefined;
  const { hash: _, ...body } = draft;
  const frozen = {
    ...body,
    agencyName: issued.agencyName,
    signedOn: signedOn(new Date(repair.decision.at)),
    verificationCode: issued.code,
  };
  return { ...frozen, hash: sha256(canonicalJson(frozen)) };
}

/** The public record of an issued decision document: no name, no ID number, no USCC of the party. */
export function verificationOf(doc: DecisionDocument): Verification | undefined {
  if (!doc.verificationCode) return undefined;
  return {
    code: doc.verificationCode,
    kind: 'repair-decision',
    title: doc.title,
    number: doc.repairId,
    issuedAt: doc.decidedAt,
    issuer: { uscc: doc.agency, name: doc.agencyName ?? doc.agency },
    sha256: doc.hash,
  };
}

/**
 * The document of an approval made before documents were frozen (no 核验码): computed from the
 * record as it stands, as it always was.
 */
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
${doc.agencyName ? row('决定机关', doc.agencyName) : ''}
${row('决定机关统一社会信用代码', doc.agency)}
${row('决定时间（北京时间）', shanghaiTimestamp(new Date(doc.decidedAt)).slice(0, 16).replace('T', ' '))}
${row('决定', '同意信用修复，终止公示')}
${row('理由', doc.reason)}
${row('依据', doc.basis)}
</table>
${doc.agencyName ? `<p align="right">${escapeHtml(doc.agencyName)}<br>${escapeHtml(doc.signedOn ?? '')}</p>` : ''}
${
  doc.verificationCode
    ? `<p>核验码：<strong>${escapeHtml(doc.verificationCode)}</strong>（在本站“文书核验”页 ${escapeHtml(verifyPath(doc.verificationCode))} 输入核验码即可查验）</p>`
    : ''
}
<p>内容摘要（SHA-256）：<code>${escapeHtml(doc.hash)}</code></p></main></body></html>
`;
}
