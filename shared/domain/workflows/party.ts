import { AccessDeniedError } from '../errors.ts';
import type { RecordStore } from '../records/ports.ts';
import type { DisclosureRecord } from '../records/record.ts';

/** The caller as a workflow knows it: the entity that files or the agency that decides. */
export type Party =
  | { readonly role: 'entity'; readonly uscc: string }
  | { readonly role: 'agency'; readonly agency: string };

export type WorkflowKind = 'objection' | 'repair';

/** The same refusal for another party's object and for one that does not exist. */
export function notAccessible(kind: WorkflowKind | 'record'): AccessDeniedError {
  const zh = { objection: '异议', repair: '信用修复申请', record: '记录' }[kind];
  return new AccessDeniedError({
    code: `${kind}_not_accessible`,
    messages: { zh: `无权访问该${zh}，或其不存在`, en: `no such ${kind} among those you may access` },
  });
}

/** A filing if `party` is one of its two parties; otherwise the refusal that says nothing. */
export function visibleTo<T extends { readonly entity: string; readonly agency: string }>(
  kind: WorkflowKind,
  party: Party,
  filing: T | undefined,
): T {
  const mine =
    filing && (party.role === 'entity' ? filing.entity === party.uscc : filing.agency === party.agency);
  if (!filing || !mine) throw notAccessible(kind);
  return filing;
}

/** The record an entity acts on: its own (by USCC), else the same refusal as for none at all. */
export async function ownRecordOf(
  records: RecordStore,
  entity: string,
  recordId: string,
): Promise<DisclosureRecord> {
  const record = await records.get(recordId);
  if (!record || record.content.subject.uscc !== entity) throw notAccessible('record');
  return record;
}
