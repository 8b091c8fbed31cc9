/*
 * 信用核查 (workbench-checks.html, agency): check an entity before a matter (应查必查) and read
 * the receipt in words — its list entries, the measures bearing on the matter, its public
 * records — then report what was done (执行反馈); the agency's checks, newest first, each
 * with its feedback or the form to give it.
 */

import { postJson } from './api.js';
import { startPage } from './page.js';
import { handleSignedOut, requireStaff } from './staff.js';
import { clearFormErrors, fieldList, formatInstant, h, showFormErrors, todayInShanghai } from './ui.js';
import { KIND_LABELS } from './words.js';
import { formErrors, loadAll, reasonField, submitTo } from './workbench-queue.js';

const session = requireStaff('agency');
const $ = (id) => document.getElementById(id);

/** 执行反馈: measures applied or not (those the check found), why, and the day it was done. */
function feedbackForm(check, onDone) {
  const p = `fb-${check.id}`;
  const measureBoxes = check.measures.map((m) =>
    h(
      'div',
      { class: 'field checkbox' },
      h('input', {
        type: 'checkbox',
        id: `${p}-${m.code}`,
        name: 'measures',
        value: m.code,
        'data-field': 'body.measures',
      }),
      h('label', { for: `${p}-${m.code}` }, m.label),
    ),
  );
  const form = h(
    'form',
    { class: 'queue-form', novalidate: true, 'aria-label': `执行反馈 ${check.id}` },
    formErrors(),
    h(
      'fieldset',
      {},
      h('legend', {}, '执行反馈'),
      h(
        'div',
        { class: 'field checkbox' },
        h('input', { type: 'checkbox', id: `${p}-applied`, name: 'applied', 'data-field': 'body.applied' }),
        h('label', { for: `${p}-applied` }, '已采取惩戒措施'),
      ),
      measureBoxes.length > 0
        ? h('p', { class: 'hint' }, '采取的措施（不选即核查结果中的全部措施）：')
        : null,
      measureBoxes,
    ),
    reasonField(p, '理由（采取或未采取措施的原因）'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: `${p}-acted` }, '办理日期'),
      h('input', {
        id: `${p}-acted`,
        name: 'actedOn',
        type: 'date',
        value: todayInShanghai(),
        'data-field': 'body.actedOn',
      }),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '提交反馈')),
  );
  submitTo(form, {
    session,
    path: () => `/v1/checks/${encodeURIComponent(check.id)}/feedback`,
    bodyOf: (f) => {
      const applied = f.elements.applied.checked;
      const measures = [...f.querySelectorAll('input[name="measures"]:checked')].map((i) => i.value);
      return {
        applied,
        ...(applied && measures.length > 0 ? { measures } : {}),
        reason: f.elements.reason.value.trim(),
        actedOn: f.elements.actedOn.value,
      };
    },
    done: onDone,
  });
  return form;
}

function checkItem(check) {
  const status = h('p', { class: 'queue-status', role: 'status', 'aria-live': 'polite' });
  const forms = h('div', { class: 'queue-forms' });
  const item = h(
    'li',
    {
      class: 'panel queue-item',
      id: `item-${check.id}`,
      'aria-labelledby': `item-${check.id}-h`,
      dataset: { id: check.id },
    },
    h('h2', { id: `item-${check.id}-h` }, `${check.matter.typeLabel}：${check.matter.name}`),
    h(
      'p',
      { class: 'badges' },
      h('span', { class: check.escalatedAt ? 'badge late' : 'badge' }, check.statusLabel),
    ),
    fieldList([
      ['核查编号', check.id],
      ['被核查主体', check.subjectName ? `${check.subjectName}（${check.uscc}）` : check.uscc],
      ['核查时间', formatInstant(check.madeAt)],
      [
        '在列名单',
        check.entries.length === 0
          ? '不在严重失信主体名单或重点关注名单中'
          : check.entries
              .map(
                (e) =>
                  `${e.typeLabel}（${e.listedOn} 列入，有效期至 ${e.validUntil}${e.underObjection ? '，异议处理中' : ''}）`,
              )
              .join('；'),
      ],
      [
        '适用于该事项的措施',
        check.measures.length === 0 ? '无' : check.measures.map((m) => m.label).join('；'),
      ],
      [
        '公示记录',
        check.records.length === 0
          ? '无'
          : `${check.records.map((r) => `${KIND_LABELS[r.kind] ?? r.kind} ${r.documentNumber}`).join('；')}${check.moreRecords ? ' 等' : ''}`,
      ],
      ['反馈期限', `${check.deadline.due}（北京时间当日 24:00 前）`],
      ['逾期报告', check.escalatedAt ? formatInstant(check.escalatedAt) : undefined],
      [
        '执行反馈',
        check.feedback
          ? `${check.feedback.applied ? `已采取：${check.feedback.measures.map((m) => m.label).join('；')}` : '未采取措施'}；${check.feedback.reason}（${check.feedback.actedOn} 办理${check.feedback.late ? '，逾期反馈' : ''}）`
          : undefined,
      ],
    ]),
    status,
    forms,
  );
  if (!check.feedback)
    forms.append(
      feedbackForm(check, (after) => {
        status.textContent = `已反馈：${after.statusLabel}。`;
        item.replaceWith(checkItem(after));
        document.getElementById(`item-${after.id}-h`)?.setAttribute('tabindex', '-1');
        document.getElementById(`item-${after.id}-h`)?.focus();
      }),
    );
  return item;
}

const loadChecks = () =>
  loadAll({ session, path: '/v1/agency/checks', render: checkItem, empty: '本机关尚无核查记录' });

function checkForm() {
  const form = $('check-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const v = (name) => form.elements.namedItem(name).value.trim();
    try {
      const check = await postJson(
        '/v1/checks',
        { uscc: v('uscc').toUpperCase(), matter: { name: v('name'), type: v('type') } },
        { token: session.token, idempotencyKey: crypto.randomUUID() },
      );
      form.reset();
      const item = checkItem(check);
      $('q-list').prepend(item);
      item.querySelector('h2').setAttribute('tabindex', '-1');
      item.querySelector('h2').focus();
    } catch (error) {
      if (!handleSignedOut(error)) showFormErrors(form, error);
    }
  });
}

if (session) {
  await startPage();
  checkForm();
  loadChecks();
}
