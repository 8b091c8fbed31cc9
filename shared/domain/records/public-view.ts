import type { RecordInput } from '../../schemas/records/record-input.ts';
import type { Subject } from '../../schemas/records/subject.ts';
import { type PublicationWindow, publicationWindow } from '../policy/publication-window.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import { type KnownPersonalData, MASK, scrubDeep, scrubIdentifier, scrubText } from './masking.ts';
import type { DisclosureRecord } from './record.ts';
import { KIND_LABELS, type RecordKind } from './vocabulary.ts';

/**
 * The one place that decides what the public sees of a record. Subject fields are
 * whitelisted: organisation identifiers yes; ID numbers, ID types and the names of natural
 * persons other than the subject (the legal representative, a business's operator) never.
 * Every public text — document number, subject name, remarks, details, history reasons — goes
 * through the masking (masking.ts), which also finds the names and ID numbers the record holds
 * wherever the text repeats them. The rule and its sources: docs/masking.md.
 */
export const PUBLIC_SUBJECT_FIELDS = [
  'category',
  'name',
  'uscc',
  'businessRegNo',
  'orgCode',
  'taxNo',
  'institutionCertNo',
  'socialOrgCertNo',
] as const satisfies readonly (keyof Subject)[];

export type PublicSubject = Pick<Subject, (typeof PUBLIC_SUBJECT_FIELDS)[number]>;

export interface PublicRecord {
  readonly id: string;
  readonly kind: RecordKind;
  readonly kindLabel: string;
  readonly documentNumber: string;
  readonly decisionDate: string;
  readonly remarks?: string;
  readonly subject: PublicSubject;
  readonly authority: { readonly uscc: string; readonly name?: string | undefined };
  readonly details: Record<string, unknown>;
  readonly publishedAt: string;
  /** One line of what was decided (处罚内容, 许可内容, 决定内容), for a list of results. */
  readonly summary?: string;
  /** 决定日期 + 7 个工作日: the legal deadline of publication, from the working calendar. */
  readonly disclosureDeadline: {
    readonly due: string;
    readonly provisional: boolean;
    readonly workingDays: number;
  };
  /** When it was published and whether within the deadline, or how many working days late. */
  readonly publication?: { readonly at: string; readonly onTime: boolean; readonly workingDaysLate: number };
  /** 公示截止期, for penalties: the last day the record is published. */
  readonly publicationEndsOn?: string;
  /** For penalties: the regime, the first day of repair and which rule set the end, with the cap's start. */
  readonly publicationPeriod?: PublicationWindow;
  readonly version: number;
  readonly history: readonly { version: number; at: string; reason: string; changedFields: string[] }[];
  /** 异议处理中: an objection against the record is being handled. */
  readonly objection?: { readonly status: 'pending'; readonly filedAt: string };
}

/**
 * What the public reads in place of a record whose decision was revoked (行政处罚法 第48条:
 * 撤回…并公开说明理由): that it was revoked, by which decision, when and why, and what
 * identifies the revoked record — never the revoked decision's facts, fine or content.
 */
export interface RevocationNotice {
  readonly id: string;
  readonly status: 'revoked';
  readonly kind: RecordKind;
  readonly kindLabel: string;
  readonly documentNumber: string;
  readonly decisionDate: string;
  readonly subject: PublicSubject;
  readonly authority: { readonly uscc: string; readonly name?: string | undefined };
  readonly revocation: {
    readonly revokedAt: string;
    readonly decisionDate: string;
    readonly documentNumber: string;
    readonly reason: string;
  };
}

/** What the public sees instead of a 个体工商户's name that is its operator's own name. */
export const OPERATOR_NAME_HIDDEN = '个体工商户（经营者姓名已隐去）';
/** Natural persons' records are never public (visibility.ts); should one reach this view anyway. */
const PERSON_NAME_HIDDEN = '自然人（姓名已隐去）';

/**
 * A 个体工商户 need not register a name (市场主体登记管理条例实施细则 第六条(七)); without one,
 * agencies enter the operator's name as the subject's name. With the operator unknown, a name
 * of two to four Han characters (or two parts joined by a middle dot) with no word of a trade
 * name in it is taken for a personal name: hiding a short trade name is the accepted price.
 */
const PERSONAL_NAME = /^(?:\p{Script=Han}{2,4}|\p{Script=Han}{1,8}[·・•‧.]\p{Script=Han}{1,8})$/u;
const TRADE_WORD = /[店铺部行厂坊馆社场所室站园处吧屋院厅庄堂阁楼轩居斋苑摊档市城廊汇府司局队]|中心/u;

export function looksLikePersonalName(name: string): boolean {
  const compact = name.normalize('NFKC').replace(/\s+/g, '');
  return PERSONAL_NAME.test(compact) && !TRADE_WORD.test(compact);
}

/** The names and ID numbers of natural persons the record holds, now and in earlier versions. */
export function personalDataOf(record: DisclosureRecord): KnownPersonalData {
  const names = new Set<string>();
  const idNumbers = new Set<string>();
  for (const s of [record.content.subject, ...record.history.map((h) => h.previous.subject)]) {
    if (s.legalRepresentative) names.add(s.legalRepresentative);
    if (s.category === 'natural_person') names.add(s.name);
    if (s.category === 'individual_business' && !s.legalRepresentative && looksLikePersonalName(s.name))
      names.add(s.name);
    if (s.idNumber) idNumbers.add(s.idNumber);
    if (s.legalRepresentativeIdNumber) idNumbers.add(s.legalRepresentativeIdNumber);
  }
  return { names: [...names], idNumbers: [...idNumbers] };
}

/**
 * The subject's name as the public sees it. An organisation's registered name is public
 * (企业信息公示暂行条例) and keeps a person's name it contains; only numbers are masked in it.
 * A 个体工商户's name has its operator's name masked, and when nothing else is left, the
 * public reads OPERATOR_NAME_HIDDEN beside the USCC.
 */
export function publicSubjectName(subject: Subject, known: KnownPersonalData): string {
  if (subject.category === 'natural_person') return PERSON_NAME_HIDDEN;
  if (subject.category === 'legal_person')
    return scrubText(subject.name, { names: [], idNumbers: known.idNumbers });
  const masked = scrubText(subject.name, known);
  return masked.replaceAll(MASK, '').replace(/[\s·・•‧.]/g, '') === '' ? OPERATOR_NAME_HIDDEN : masked;
}

const NO_PERSONAL_DATA: KnownPersonalData = { names: [], idNumbers: [] };

export function publicSubject(subject: Subject, known: KnownPersonalData = NO_PERSONAL_DATA): PublicSubject {
  const out: Record<string, unknown> = {};
  for (const field of PUBLIC_SUBJECT_FIELDS) {
    const value = subject[field];
    if (value === undefined) continue;
    if (field === 'name') out[field] = publicSubjectName(subject, known);
    else if (field === 'category' || field === 'uscc') out[field] = value;
    else out[field] = scrubIdentifier(value, known);
  }
  return out as PublicSubject;
}

function detailsOf(content: RecordInput): Record<string, unknown> {
  return (content as unknown as Record<string, Record<string, unknown>>)[content.kind] ?? {};
}

/** The longest summary a result shows before it is cut with an ellipsis. */
export const SUMMARY_LENGTH = 100;

/** The decision's content as one line: masked like the record, cut at SUMMARY_LENGTH. */
function summaryOf(details: Record<string, unknown>, known: Parameters<typeof scrubText>[1]) {
  if (typeof details.content !== 'string') return {};
  const line = scrubText(details.content, known).replace(/\s+/g, ' ').trim();
  if (!line) return {};
  const chars = [...line];
  return { summary: chars.length > SUMMARY_LENGTH ? `${chars.slice(0, SUMMARY_LENGTH).join('')}…` : line };
}

/** Only fields the public may see are named in a change list. */
function isPublicField(path: string): boolean {
  const [top, field] = path.split('.');
  if (top !== 'subject') return true;
  return (PUBLIC_SUBJECT_FIELDS as readonly string[]).includes(field ?? '');
}

export function publicView(record: DisclosureRecord): PublicRecord {
  const { content } = record;
  const known = personalDataOf(record);
  const window =
    content.kind === 'penalty' ? publicationWindow(content.decisionDate, content.penalty) : undefined;
  return {
    id: record.id,
    kind: content.kind,
    kindLabel: KIND_LABELS[content.kind],
    documentNumber: scrubText(content.documentNumber, known),
    decisionDate: content.decisionDate,
    ...(content.remarks ? { remarks: scrubText(content.remarks, known) } : {}),
    subject: publicSubject(content.subject, known),
    authority: record.authority,
    details: scrubDeep(detailsOf(content), known),
    publishedAt: record.publication?.at ?? record.registeredAt,
    ...summaryOf(detailsOf(content), known),
    disclosureDeadline: {
      due: record.disclosure.due,
      provisional: record.disclosure.provisional,
      workingDays: TIME_LIMITS.disclosure.value,
    },
    ...(record.publication
      ? {
          publication: {
            at: record.publication.at,
            onTime: record.publication.onTime,
            workingDaysLate: record.publication.workingDaysLate,
          },
        }
      : {}),
    ...(window ? { publicationEndsOn: window.publishedUntil, publicationPeriod: window } : {}),
    version: record.version,
    ...(record.objection
      ? { objection: { status: 'pending' as const, filedAt: record.objection.filedAt } }
      : {}),
    history: record.history.map((h) => ({
      version: h.version,
      at: h.at,
      reason: scrubText(h.reason, known),
      changedFields: h.changedFields.filter(isPublicField),
    })),
  };
}

/** The notice of a revoked decision; `undefined` for a revocation that names no decision. */
export function revocationNotice(record: DisclosureRecord): RevocationNotice | undefined {
  const r = record.revocation;
  if (!r?.decisionDate || r.documentNumber === undefined) return undefined;
  const { content } = record;
  const known = personalDataOf(record);
  return {
    id: record.id,
    status: 'revoked',
    kind: content.kind,
    kindLabel: KIND_LABELS[content.kind],
    documentNumber: scrubText(content.documentNumber, known),
    decisionDate: content.decisionDate,
    subject: publicSubject(content.subject, known),
    authority: record.authority,
    revocation: {
      revokedAt: r.at,
      decisionDate: r.decisionDate,
      documentNumber: scrubText(r.documentNumber, known),
      reason: scrubText(r.reason, known),
    },
  };
}

/**
 * The subject name the public may search by: the name it is shown, without what is hidden.
 * Searching by a person's name must not find the record whose page hides that name, so a
 * hidden part splits the name (no match spans it) and a wholly hidden name is not searchable.
 */
export function searchableName(record: DisclosureRecord): string {
  const shown = publicSubjectName(record.content.subject, personalDataOf(record));
  if (shown === OPERATOR_NAME_HIDDEN || shown === PERSON_NAME_HIDDEN) return '';
  return shown.replaceAll(MASK, '|');
}
