/*
 * 信用承诺 (workbench-commitments.html, agency): register a commitment made to the agency
 * (告知承诺 above all), and for each commitment it received verify it (核查) within its period
 * or record a breach (未履约) with the finding and the record it led to. The same card as the
 * public sees, with the verification and the forms added.
 */

import { postJson } from './api.js';
import { commitmentCard, verificationLine } from './commitments.js';
import { startPage } from './page.js';
import { handleSignedOut, requireStaff } from './staff.js';
import { clearFormErrors, h, showFormErrors, todayInShanghai } from './ui.js';
import { formErrors, loadAll, submitTo } from './workbench-queue.js';

const session = requireStaff('agency');
const $ = (id) => document.getElementById(id);

function findingField(prefix, label) {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: `${prefix}-finding` }, label),
    h('textarea', {
      id: `${prefix}-finding`,
      name: 'finding',
      rows: 3,
      required: true,
      'data-field': 'body.finding',
    }),
  );
}

/** 核查: the finding that the commitment is true. */
function verifyForm(c, done) {
  const p = `v-${c.id}`;
  const form = h(
    'form',
    { class: 'queue-form', novalidate: true, 'aria-label': `核查承诺 ${c.id}` },
    formErrors(),
    findingField(p, '核查情况'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '记录核查属实')),
  );
  submitTo(form, {
    session,
    path: () => `/v1/commitments/${encodeURIComponent(c.id)}/verification`,
    bodyOf: (f) => ({ finding: f.elements.finding.value.trim() }),
    done,
  });
  return form;
}

/** 未履约: the finding and, when there is one, the record it led to. */
function breachForm(c, done) {
  const p = `b-${c.id}`;
  const form = h(
    'form',
    { class: 'queue-form', novalidate: true, 'aria-label': `记录未履约 ${c.id}` },
    formErrors(),
    h(
      'fieldset',
      {},
      h('legend', {}, '记录未履约'),
      findingField(p, '失信情况'),
      h(
        'div',
        { class: 'field' },
        h('label', { for: `${p}-record` }, '由此作出的决定的记录编号（可选）'),
        h('input', {
          id: `${p}-record`,
          name: 'recordId',
          maxlength: 30,
          spellcheck: 'false',
          'data-field': 'body.recordId',
        }),
      ),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '记录未履约')),
  );
  submitTo(form, {
    session,
    path: () => `/v1/commitments/${encodeURIComponent(c.id)}/breach`,
    bodyOf: (f) => {
      const recordId = f.elements.recordId.value.trim();
      return { finding: f.elements.finding.value.trim(), ...(recordId ? { recordId } : {}) };
    },
    done,
  });
  return form;
}

function commitmentItem(c) {
  const redraw = (after) => {
    const next = commitmentItem(after);
    item.replaceWith(next);
    const heading = next.querySelector('h3');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  };
  const forms =
    c.status === 'in_force' ? [c.verification.at ? null : verifyForm(c, redraw), breachForm(c, redraw)] : [];
  const item = commitmentCard(c, {
    extra: [
      verificationLine(c),
      c.escalatedAt
        ? h('p', { class: 'badges' }, h('span', { class: 'badge late' }, '核查逾期，已报告信用管理部门'))
        : null,
      h('div', { class: 'queue-forms' }, ...forms),
    ],
  });
  return item;
}

const load = () => {
  const status = $('f-status').value;
  return loadAll({
    session,
    path: `/v1/agency/commitments${status ? `?status=${encodeURIComponent(status)}` : ''}`,
    render: commitmentItem,
    empty: '没有符合条件的承诺',
  });
};

function registerForm() {
  const form = $('commitment-form');
  form.elements.madeOn.value = todayInShanghai();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const body = Object.fromEntries(
      [...new FormData(form).entries()].map(([k, v]) => [k, String(v).trim()]).filter(([, v]) => v !== ''),
    );
    if (body.uscc) body.uscc = body.uscc.toUpperCase();
    try {
      const c = await postJson('/v1/commitments', body, {
        token: session.token,
        idempotencyKey: crypto.randomUUID(),
      });
      form.reset();
      form.elements.madeOn.value = todayInShanghai();
      const item = commitmentItem(c);
      $('q-list').prepend(item);
      item.querySelector('h3').setAttribute('tabindex', '-1');
      item.querySelector('h3').focus();
    } catch (error) {
      if (!handleSignedOut(error)) showFormErrors(form, error);
    }
  });
}

if (session) {
  await startPage();
  registerForm();
  $('filter-form').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  load();
}
