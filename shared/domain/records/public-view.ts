import type { RecordInput } from '../../schemas/records/record-input.ts';
import type { Subject } from '../../schemas/records/subject.ts';
import { publicationWindow } from '../policy/publication-periods.ts';
import { scrubDeep } from './masking.ts';
import type { DisclosureRecord } from './record.ts';
import { KIND_LABELS, type RecordKind } from './vocabulary.ts';

/**
 * The one place that decides what the public sees of a record. Subject fields are
 * whitelisted: organisation identifiers yes; ID numbers, ID types and the names of natural
 * persons other than the subject (the legal representative, a business's operator) never.
 * Free text is scrubbed of ID, phone and card numbers.
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
  /** 公示截止期, for penalties: the last day the record is published. */
  readonly publicationEndsOn?: string;
  readonly version: number;
  readonly history: readonly { version: number; at: string; reason: string; changedFields: string[] }[];
  /** 异议处理中: an objection against the record is being handled. */
  readonly objection?: { readonly status: 'pending'; readonly filedAt: string };
}

export function publicSubject(subject: Subject): PublicSubject {
  const out: Record<string, unknown> = {};
  for (const field of PUBLIC_SUBJECT_FIELDS) if (subject[field] !== undefined) out[field] = subject[field];
  return out as PublicSubject;
}

function detailsOf(content: RecordInput): Record<string, unknown> {
  return (content as unknown as Record<string, Record<string, unknown>>)[content.kind] ?? {};
}

/** Only fields the public may see are named in a change list. */
function isPublicField(path: string): boolean {
  const [top, field] = path.split('.');
  if (top !== 'subject') return true;
  return (PUBLIC_SUBJECT_FIELDS as readonly string[]).includes(field ?? '');
}

export function publicView(record: DisclosureRecord): PublicRecord {
  const { content } = record;
  const window =
    content.kind === 'penalty'
      ? publicationWindow(content.decisionDate, content.penalty.severity)
      : undefined;
  return {
    id: record.id,
    kind: content.kind,
    kindLabel: KIND_LABELS[content.kind],
    documentNumber: content.documentNumber,
    decisionDate: content.decisionDate,
    ...(content.remarks ? { remarks: scrubDeep(content.remarks) } : {}),
    subject: publicSubject(content.subject),
    authority: record.authority,
    details: scrubDeep(detailsOf(content)),
    publishedAt: record.publication?.at ?? record.registeredAt,
    ...(window ? { publicationEndsOn: window.publishedUntil } : {}),
    version: record.version,
    ...(record.objection
      ? { objection: { status: 'pending' as const, filedAt: record.objection.filedAt } }
      : {}),
    history: record.history.map((h) => ({
      version: h.version,
      at: h.at,
      reason: scrubDeep(h.reason),
      changedFields: h.changedFields.filter(isPublicField),
    })),
  };
}
