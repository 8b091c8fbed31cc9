/*
 * How a public record looks: as a card in a list (search, entity page, my records) and in
 * full on its own page. Shared, so the same record reads the same everywhere.
 */

import { detailValueText, labelOf } from './labels.js';
import { h } from './ui.js';
import { DETAIL_FIELDS, KIND_LABELS, PUBLIC_SUBJECT_FIELDS, RECORD_FIELDS } from './words.js';

export const recordHref = (id) => `record.html?id=${encodeURIComponent(id)}`;
export const entityHref = (uscc) => `entity.html?uscc=${encodeURIComponent(uscc)}`;
export const agencySearchHref = (uscc) => `./?agency=${encodeURIComponent(uscc)}`;

/** The deciding agency: its name when the API gives one, always its code. */
export function agencyText(authority) {
  return authority?.name ? `${authority.name}（${authority.uscc}）` : (authority?.uscc ?? '');
}

export const kindLabel = (record) => record.kindLabel || labelOf(KIND_LABELS, record.kind);

/** The badges of a record: its kind and, while an objection is pending, 异议处理中. */
export function recordBadges(record) {
  return h(
    'p',
    { class: 'badges' },
    h('span', { class: 'badge' }, kindLabel(record)),
    record.objection?.status === 'pending' ? h('span', { class: 'badge pending' }, '异议处理中') : null,
  );
}

/**
 * A record as a list item. `title` is what its link says: the subject's name (search) or
 * the kind and document number (where every card is about the same subject).
 */
export function recordCard(record, { title = 'subject', extra = [] } = {}) {
  const linkText =
    title === 'subject' ? record.subject.name : `${kindLabel(record)} ${record.documentNumber}`;
  const uscc = record.subject.uscc;
  return h(
    'li',
    { class: 'card', dataset: { recordId: record.id } },
    recordBadges(record),
    h('h3', {}, h('a', { href: recordHref(record.id) }, linkText)),
    h(
      'dl',
      { class: 'meta' },
      metaRow(RECORD_FIELDS.decisionDate, record.decisionDate),
      metaRow('决定机关', agencyText(record.authority)),
      title === 'subject'
        ? metaRow(RECORD_FIELDS.documentNumber, record.documentNumber)
        : metaRow('行政相对人', record.subject.name),
      uscc ? metaRow(PUBLIC_SUBJECT_FIELDS.uscc, h('a', { href: entityHref(uscc) }, uscc)) : null,
    ),
    record.summary ? h('p', { class: 'summary' }, record.summary) : null,
    extra,
  );
}

function metaRow(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

/**
 * The [label, text] rows of a record's details, in the standard's order; any field the
 * label table does not know yet is shown too, under its own name, so nothing public is lost.
 */
export function detailRows(record) {
  const details = record.details ?? {};
  const known = Object.hasOwn(DETAIL_FIELDS, record.kind) ? DETAIL_FIELDS[record.kind] : {};
  const keys = [
    ...Object.keys(known).filter((key) => Object.hasOwn(details, key)),
    ...Object.keys(details).filter((key) => !Object.hasOwn(known, key)),
  ];
  return keys.map((key) => [labelOf(known, key), detailValueText(record.kind, key, details[key])]);
}
