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

/** The record's push to the city's credit platform (GET /v1/records/{id}/upstream), in words. */
function upstreamText(push) {
  const what = push.operation === 'delete' ? '撤回' : '报送';
  if (push.state === 'accepted')
    return `已${what}（回执号 ${push.receipt}，${formatInstant(push.acceptedAt ?? push.updatedAt)}）`;
  if (push.state === 'failed')
    return `被平台退回：${push.reason}${push.field ? `（字段 ${push.field}）` : ''}。更正记录后自动重新报送。`;
  return push.attempts > 0 ? `待${what}：平台暂不可用，已重试 ${push.attempts} 次，将自动再试` : `待${what}`;
}

/**
 * Fills the summary panel with `view` (GET /v1/records/{id}), its push to the city's platform
 * when it has one, and an optional note of what just happened.
 */
export function showRecord(view, note, push) {
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
  if (push) rows.push(['报送市平台', upstreamText(push)]);
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
