/*
 * The opened record's standing, in words: its kind and number, status, the disclosure deadline
 * (computed by the API), when it was published, and a revocation with its reason.
 */

import { labelOf } from './labels.js';
import { RECORD_FORMS } from './record-forms.js';
import { deadlineText } from './staff.js';
import { fieldList, formatInstant, h } from './ui.js';
import { RECORD_STATUS_LABELS } from './words.js';

const deadlineOf = (deadline) =>
  deadline.workingDaysLeft === undefined ? `截止日期 ${deadline.due}` : deadlineText(deadline);

/** Fills the summary panel with `view` (GET /v1/records/{id}) and an optional note of what just happened. */
export function showRecord(view, note) {
  const rows = [
    ['决定类别', RECORD_FORMS[view.record.kind].label],
    ['决定文书号', view.record.documentNumber],
    ['状态', labelOf(RECORD_STATUS_LABELS, view.status)],
  ];
  if (view.status === 'registered' && view.disclosureDeadline) {
    rows.push(['公示期限', deadlineOf(view.disclosureDeadline)]);
  }
  if (view.publication?.at) rows.push(['公示时间', formatInstant(view.publication.at)]);
  if (view.revocation) {
    rows.push(['撤销理由', view.revocation.reason]);
    if (view.revocation.decisionDate) rows.push(['撤销决定日期', view.revocation.decisionDate]);
    if (view.revocation.documentNumber) rows.push(['撤销决定文书号', view.revocation.documentNumber]);
  }
  const children = [fieldList(rows)];
  if (view.status !== 'registered') {
    children.push(
      h('p', {}, h('a', { href: `record.html?id=${encodeURIComponent(view.id)}` }, '查看公示页面')),
    );
  }
  if (note) children.unshift(h('p', { class: 'notice', role: 'status' }, note));
  document.getElementById('summary-body').replaceChildren(...children);
  document.getElementById('record-summary').hidden = false;
}
