/*
 * 异议处理 (workbench-objections.html): each open objection with the record beside it and its
 * evidence; accept it (noting when another unit must help verify), then decide: upheld with a
 * revocation or a correction of one field, or rejected, with reasons.
 */

import { labelOf } from './labels.js';
import { startPage } from './page.js';
import { requireStaff } from './staff.js';
import { h } from './ui.js';
import {
  DETAIL_FIELDS,
  KIND_LABELS,
  OBJECTION_EFFECT_LABELS,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_REASON_LABELS,
} from './words.js';
import {
  evidencePanel,
  formErrors,
  itemHeader,
  loadQueue,
  reasonField,
  recordPanel,
  submitTo,
} from './workbench-queue.js';

const session = requireStaff('agency');

function acceptForm(objection, refresh) {
  const p = `acc-${objection.id}`;
  const form = h(
    'form',
    // Each item has its forms: the name says whose, so each landmark is told apart.
    { class: 'queue-form', novalidate: true, 'aria-label': `受理异议 ${objection.id}` },
    formErrors(),
    h(
      'div',
      { class: 'field checkbox' },
      h('input', {
        type: 'checkbox',
        id: `${p}-other`,
        name: 'needsOtherUnit',
        'data-field': 'body.needsOtherUnit',
      }),
      h('label', { for: `${p}-other` }, '需其他单位协助核实（处理时限为 7 个工作日）'),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '受理')),
  );
  submitTo(form, {
    session,
    path: () => `/v1/objections/${encodeURIComponent(objection.id)}/acceptance`,
    bodyOf: (f) => ({ needsOtherUnit: f.elements.needsOtherUnit.checked }),
    done: refresh,
  });
  return form;
}

function decisionForm(objection, record, refresh) {
  const p = `dec-${objection.id}`;
  const kind = record?.record?.kind ?? objection.record.kind;
  const fields = DETAIL_FIELDS[kind] ?? {};
  const correction = h(
    'fieldset',
    { class: 'correction', hidden: true },
    h('legend', {}, '更正内容'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: `${p}-field` }, '更正的项目'),
      h(
        'select',
        { id: `${p}-field`, name: 'field', 'data-field': 'body.correction' },
        Object.entries(fields).map(([key, label]) => h('option', { value: key }, label)),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: `${p}-value` }, '更正为'),
      h('input', { id: `${p}-value`, name: 'value', type: 'text', 'data-field': `body.correction.${kind}` }),
    ),
  );
  const radio = (name, value, text, checked = false) => {
    const id = `${p}-${name}-${value}`;
    return h(
      'div',
      { class: 'field checkbox' },
      h('input', {
        type: 'radio',
        id,
        name,
        value,
        checked,
        'data-field': `body.${name === 'effect' ? 'revoke' : name}`,
      }),
      h('label', { for: id }, text),
    );
  };
  const effects = h(
    'fieldset',
    { class: 'effects', hidden: true },
    h('legend', {}, '异议成立时'),
    radio('effect', 'revoke', '撤销该公示信息', true),
    radio('effect', 'correct', '更正该公示信息'),
  );
  const form = h(
    'form',
    { class: 'queue-form', novalidate: true, 'aria-label': `作出处理决定 ${objection.id}` },
    formErrors(),
    h(
      'fieldset',
      {},
      h('legend', {}, '处理结果'),
      radio('outcome', 'upheld', labelOf(OBJECTION_OUTCOME_LABELS, 'upheld')),
      radio('outcome', 'rejected', labelOf(OBJECTION_OUTCOME_LABELS, 'rejected'), true),
    ),
    effects,
    correction,
    reasonField(p, '处理理由'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '作出决定')),
  );
  const sync = () => {
    const upheld = form.elements.outcome.value === 'upheld';
    effects.hidden = !upheld;
    correction.hidden = !(upheld && form.elements.effect.value === 'correct');
  };
  form.addEventListener('change', sync);
  submitTo(form, {
    session,
    path: () => `/v1/objections/${encodeURIComponent(objection.id)}/decision`,
    bodyOf: (f) => {
      const body = { outcome: f.elements.outcome.value, reason: f.elements.reason.value.trim() };
      if (body.outcome !== 'upheld') return body;
      if (f.elements.effect.value === 'revoke') return { ...body, revoke: true };
      const field = f.elements.field.value;
      const old = record?.record?.[kind]?.[field];
      const raw = f.elements.value.value.trim();
      const value = typeof old === 'number' && raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
      return { ...body, correction: { [kind]: { [field]: value } } };
    },
    done: (answer) => refresh(answer),
  });
  return form;
}

function card(objection, record) {
  const title = `${labelOf(KIND_LABELS, objection.record.kind)} ${objection.record.documentNumber} 的异议`;
  const status = h('p', { class: 'queue-status', role: 'status', 'aria-live': 'polite' });
  const forms = h('div', { class: 'queue-forms' });
  const item = h(
    'li',
    {
      class: 'panel queue-item',
      id: `item-${objection.id}`,
      'aria-labelledby': `item-${objection.id}-h`,
      dataset: { id: objection.id },
    },
    itemHeader(title, objection),
    h(
      'div',
      { class: 'queue-columns' },
      h(
        'section',
        { class: 'queue-filing' },
        h('h3', {}, '异议内容'),
        h('p', {}, `理由：${labelOf(OBJECTION_REASON_LABELS, objection.reason)}`),
        h('p', { class: 'statement' }, objection.statement),
        h(
          'p',
          { class: 'hint' },
          objection.acceptedAt
            ? `已受理${objection.needsOtherUnit ? '（需其他单位协助核实）' : ''}`
            : '尚未受理',
        ),
        evidencePanel(objection.evidence, { kind: 'objection', id: objection.id, token: session.token }),
      ),
      recordPanel(record, objection.record),
    ),
    status,
    forms,
  );
  const showForms = (current) => {
    if (current.status === 'decided') {
      status.textContent = `已作出决定：${labelOf(OBJECTION_OUTCOME_LABELS, current.decision.outcome)}，${labelOf(OBJECTION_EFFECT_LABELS, current.decision.effect)}。`;
      forms.replaceChildren();
      return;
    }
    if (!current.acceptedAt) {
      forms.replaceChildren(
        acceptForm(current, (accepted) => {
          status.textContent = '已受理。';
          showForms(accepted);
        }),
      );
      return;
    }
    forms.replaceChildren(decisionForm(current, record, showForms));
  };
  showForms(objection);
  return item;
}

if (session) {
  await startPage();
  loadQueue({
    session,
    path: '/v1/agency/objections',
    card,
    empty: '目前没有待处理的异议',
    section: 'objections',
  });
}
