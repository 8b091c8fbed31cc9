/*
 * 信用修复 (workbench-repairs.html): each open repair application with its commitment,
 * materials and the record beside it; approve or reject, with reasons.
 */

import { labelOf } from './labels.js';
import { startPage } from './page.js';
import { requireStaff } from './staff.js';
import { h } from './ui.js';
import { KIND_LABELS, REPAIR_STATUS_LABELS } from './words.js';
import { evidencePanel, itemHeader, loadQueue, outcomeForm, recordPanel } from './workbench-queue.js';

const session = requireStaff('agency');

const OUTCOMES = [
  ['approved', '同意修复'],
  ['rejected', '不予修复'],
];

function decisionForm(repair, done) {
  return outcomeForm({
    session,
    prefix: `rep-${repair.id}`,
    label: `作出修复决定 ${repair.id}`,
    outcomes: OUTCOMES,
    path: `/v1/repairs/${encodeURIComponent(repair.id)}/decision`,
    done,
  });
}

function card(repair, record) {
  const title = `${labelOf(KIND_LABELS, repair.record.kind)} ${repair.record.documentNumber} 的信用修复申请`;
  const status = h('p', { class: 'queue-status', role: 'status', 'aria-live': 'polite' });
  const forms = h('div', { class: 'queue-forms' });
  forms.append(
    decisionForm(repair, (decided) => {
      status.textContent = `已作出决定：${labelOf(REPAIR_STATUS_LABELS, decided.status)}。`;
      forms.replaceChildren();
    }),
  );
  return h(
    'li',
    {
      class: 'panel queue-item',
      id: `item-${repair.id}`,
      'aria-labelledby': `item-${repair.id}-h`,
      dataset: { id: repair.id },
    },
    itemHeader(title, repair),
    h(
      'div',
      { class: 'queue-columns' },
      h(
        'section',
        { class: 'queue-filing' },
        h('h3', {}, '信用修复承诺'),
        h('p', { class: 'statement' }, repair.commitment.text),
        h('p', { class: 'hint' }, `签署日期 ${repair.commitment.signedAt}`),
        evidencePanel(repair.evidence, { kind: 'repair', id: repair.id, token: session.token }),
      ),
      recordPanel(record, repair.record),
    ),
    status,
    forms,
  );
}

if (session) {
  await startPage();
  loadQueue({
    session,
    path: '/v1/agency/repairs',
    card,
    empty: '目前没有待决定的信用修复申请',
    section: 'repairs',
  });
}
