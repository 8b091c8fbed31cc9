/*
 * What the website does with its words (words.js, generated from the domain by
 * `npm run web:words`): a code in words, a detail value as a reader reads it, a changed field
 * of the version history by name. A code or field the API adds later and the words do not know
 * yet is shown as it comes, never hidden.
 */

import { DETAIL_CODE_LABELS, DETAIL_FIELDS, PUBLIC_SUBJECT_FIELDS, RECORD_FIELDS } from './words.js';

/** What a table holds under its own key (never an inherited `constructor` or `toString`). */
const entryOf = (table, key) => (table && Object.hasOwn(table, key) ? table[key] : undefined);

/** A code's label, or the code itself when the table does not know it. */
export const labelOf = (table, code) => entryOf(table, code) ?? String(code ?? '');

/** A detail value of a record of `kind` as a reader should see it: codes in words, lists joined, yes/no. */
export function detailValueText(kind, key, value) {
  if (Array.isArray(value)) return value.map((v) => detailValueText(kind, key, v)).join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return labelOf(entryOf(entryOf(DETAIL_CODE_LABELS, kind), key), value);
}

/** A changed field of the version history (`penalty.fineAmount`) in words. */
export function changedFieldLabel(path) {
  const [head, key] = String(path).split('.');
  if (key === undefined) return labelOf(RECORD_FIELDS, head);
  if (head === 'subject') return labelOf(PUBLIC_SUBJECT_FIELDS, key);
  return labelOf(entryOf(DETAIL_FIELDS, head), key);
}
