/*
 * A correction as the API takes it (POST /v1/records/{id}/corrections): only the fields that
 * changed, in the record's own shape, null for an optional field emptied. Also the list of
 * changes the clerk sees before sending, and the mapping of the API's error paths
 * (body.changes.penalty.facts) back to the form's inputs (body.penalty.facts).
 */

import { display, fieldsOf, pick } from './workbench-record-fields.js';

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The changed fields between the stored record and the form's, each with label, old and new. */
export function changesOf(kind, before, after) {
  return fieldsOf(kind)
    .filter((field) => !same(pick(before, field.name), pick(after, field.name)))
    .map((field) => ({
      field,
      from: display(field, pick(before, field.name)),
      to: display(field, pick(after, field.name)),
      value: pick(after, field.name) ?? null,
    }));
}

/** The `changes` object of the correction body. */
export function changesBody(changes) {
  const body = {};
  for (const { field, value } of changes) {
    const [head, tail] = field.name.split('.');
    if (tail === undefined) body[head] = value;
    else body[head] = { ...(body[head] ?? {}), [tail]: value };
  }
  return body;
}

/** An API error of a correction, with its field paths named as the record form names them. */
export function asFormError(error) {
  const fieldErrors = (error.fieldErrors ?? []).map(({ field, message }) => ({
    field: field.replace(/^body\.changes\./, 'body.'),
    message,
  }));
  return Object.assign(Object.create(Object.getPrototypeOf(error)), error, { fieldErrors });
}
