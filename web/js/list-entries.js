/*
 * How a public list entry looks, as a card: on the lists page and on an entity's page. One
 * renderer, so an entry reads the same everywhere.
 */

import { entityHref } from './records.js';
import { h } from './ui.js';

export const entryHref = (id) => `lists.html?id=${encodeURIComponent(id)}`;

function metaRow(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

/** A listed entry: its list and state (异议处理中 while an objection is pending), who and why. */
export function entryCard(entry, { showSubject = true } = {}) {
  return h(
    'li',
    { class: 'card', dataset: { entryId: entry.id } },
    h(
      'p',
      { class: 'badges' },
      h('span', { class: 'badge' }, entry.typeLabel),
      h('span', { class: entry.underObjection ? 'badge pending' : 'badge' }, entry.statusLabel),
    ),
    h(
      'h3',
      {},
      h(
        'a',
        { href: entryHref(entry.id) },
        showSubject ? entry.subject.name : `${entry.typeLabel}（${entry.listedOn} 列入）`,
      ),
    ),
    h(
      'dl',
      { class: 'meta' },
      showSubject
        ? metaRow('统一社会信用代码', h('a', { href: entityHref(entry.subject.uscc) }, entry.subject.uscc))
        : null,
      metaRow('认定部门', entry.agency),
      metaRow('列入日期', entry.listedOn),
      metaRow('有效期至', entry.validUntil),
    ),
    h('p', { class: 'summary' }, `认定依据：${entry.basis}`),
    h('p', { class: 'summary' }, `惩戒措施：${entry.measures.map((m) => m.label).join('；')}`),
  );
}
