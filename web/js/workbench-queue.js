/*
 * What the objection and the repair queue share: loading the open items with their records,
 * a decision form with reasons whose API errors show beside their fields, and the record and
 * evidence shown beside each item.
 */

import { getAllPages, getJson, postJson } from './api.js';
import { openFileButton } from './evidence.js';
import { labelOf } from './labels.js';
import { deadlineBadge, handleSignedOut } from './staff.js';
import {
  clearFormErrors,
  failureMessage,
  fieldList,
  fill,
  formatInstant,
  h,
  safeHttpsUrl,
  showFormErrors,
  showState,
  stateKindOf,
} from './ui.js';
import { KIND_LABELS, SUBJECT_CATEGORY_LABELS } from './words.js';

const $ = (id) => document.getElementById(id);

/**
 * Loads `path` (the agency's open items) and renders each with `card(item, record)`; an item
 * whose record cannot be read is still shown, without it.
 */
export async function loadQueue({ session, path, card, empty, section }) {
  const state = $('q-state');
  const list = $('q-list');
  showState(state, 'loading', '正在加载…');
  try {
    const page = await getJson(path, { token: session.token, query: { status: 'pending', limit: 50 } });
    const standings = await standingsOf(session, section);
    const records = await Promise.all(
      page.items.map((item) =>
        getJson(`/v1/records/${encodeURIComponent(item.recordId)}`, { token: session.token }).catch(
          () => undefined,
        ),
      ),
    );
    if (page.items.length === 0) showState(state, 'empty', empty);
    else showState(state, 'done', `共 ${page.items.length} 件${page.cursor ? '以上' : ''}待处理`);
    fill(
      list,
      page.items.map((item, i) =>
        card({ ...item, deadline: standings.get(item.id) ?? item.deadline }, records[i]),
      ),
    );
    const target = location.hash
      ? document.getElementById(`item-${decodeURIComponent(location.hash.slice(1))}`)
      : null;
    target?.scrollIntoView();
  } catch (error) {
    if (handleSignedOut(error)) return;
    showState(state, stateKindOf(error), failureMessage(error), () =>
      loadQueue({ session, path, card, empty, section }),
    );
  }
}

/**
 * The working days left of the first open items, as the home page's API computes them from
 * the working calendar; an item beyond them shows its due date alone.
 */
async function standingsOf(session, section) {
  try {
    const worklist = await getJson('/v1/agency/worklist', { token: session.token });
    return new Map(worklist[section].items.map((i) => [i.id, i.deadline]));
  } catch {
    return new Map();
  }
}

/** The record beside the item: kind, document, subject, decision date, status. */
export function recordPanel(record, summary) {
  const content = record?.record;
  return h(
    'section',
    { class: 'queue-record' },
    h('h3', {}, '所涉公示信息'),
    fieldList([
      ['类别', labelOf(KIND_LABELS, content?.kind ?? summary.kind)],
      ['决定文书号', content?.documentNumber ?? summary.documentNumber],
      ['行政相对人', content?.subject?.name ?? summary.subjectName],
      ['相对人类别', content ? labelOf(SUBJECT_CATEGORY_LABELS, content.subject?.category) : undefined],
      ['决定日期', content?.decisionDate ?? summary.decisionDate],
      ['版本', record ? `第 ${record.version} 版` : undefined],
    ]),
    record
      ? h(
          'p',
          {},
          h('a', { href: `workbench-record.html?id=${encodeURIComponent(record.id)}` }, '查看完整记录'),
        )
      : h('p', { class: 'hint' }, '未能读取该记录的当前内容'),
  );
}

/**
 * The evidence list: each item's name, a link when it has an https address, its SHA-256, and
 * for an uploaded file a button that opens it (a short-lived link from the API; only the
 * filing's parties get one). `filing` is { kind: 'objection' | 'repair', id, token }.
 */
export function evidencePanel(evidence, filing) {
  return h(
    'section',
    { class: 'queue-evidence' },
    h('h3', {}, `证明材料（${evidence.length} 份）`),
    evidence.length === 0
      ? h('p', { class: 'hint' }, '未提交材料')
      : h(
          'ul',
          {},
          evidence.map((e, i) => {
            const url = safeHttpsUrl(e.url);
            return h(
              'li',
              {},
              url ? h('a', { href: url, rel: 'noopener noreferrer' }, e.name) : e.name,
              h('span', { class: 'hint mono' }, ` SHA-256 ${String(e.sha256).slice(0, 12)}…`),
              e.file && filing ? materialButton(e, i + 1, filing) : '',
            );
          }),
        ),
  );
}

/** 打开文件 beside an item of the queue; says so when the filer has not sent it yet. */
function materialButton(item, n, { kind, id, token }) {
  const note = h('span', { class: 'hint', 'aria-live': 'polite' });
  const button = openFileButton({
    kind,
    filingId: id,
    item,
    n,
    getToken: () => token,
    note,
    notYet: '申请人尚未上传该文件',
    onError: handleSignedOut,
  });
  return h('span', { class: 'material-open' }, ' ', button, ' ', note);
}

/** The header line of a queue item: deadline and when it was filed. */
export function itemHeader(title, item) {
  return [
    h('h2', { id: `item-${item.id}-h` }, title),
    h(
      'p',
      {},
      deadlineBadge(item.deadline),
      h('span', { class: 'hint' }, `　提出于 ${formatInstant(item.filedAt)}`),
    ),
  ];
}

/** A reason textarea with its label and a place for its error (data-field body.reason). */
export function reasonField(prefix, label = '理由') {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: `${prefix}-reason` }, label),
    h('textarea', {
      id: `${prefix}-reason`,
      name: 'reason',
      rows: '3',
      'data-field': 'body.reason',
      required: true,
    }),
  );
}

/**
 * Wires `form` to POST what `bodyOf(form)` answers to `path`; errors beside their fields,
 * success reported in `status` and `done(answer)` called.
 */
export function submitTo(form, { session, path, bodyOf, done }) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      done(
        await postJson(path(), bodyOf(form), { token: session.token, idempotencyKey: crypto.randomUUID() }),
      );
    } catch (error) {
      if (!handleSignedOut(error)) showFormErrors(form, error);
    } finally {
      button.disabled = false;
    }
  });
}

export const formErrors = () => h('div', { class: 'form-errors', 'aria-live': 'assertive' });

/**
 * A decision: one radio per `[value, text]` of `outcomes` (the first chosen), a reason, and
 * 作出决定, posted as `{ outcome, reason }` to `path`. `label` names the form, so each item's
 * form is told apart as a landmark; `prefix` keeps its element ids apart.
 */
export function outcomeForm({ session, prefix, label, legend = '决定', outcomes, path, done }) {
  const form = h(
    'form',
    { class: 'queue-form', novalidate: true, 'aria-label': label },
    formErrors(),
    h(
      'fieldset',
      {},
      h('legend', {}, legend),
      outcomes.map(([value, text], i) =>
        h(
          'div',
          { class: 'field checkbox' },
          h('input', {
            type: 'radio',
            id: `${prefix}-${value}`,
            name: 'outcome',
            value,
            checked: i === 0,
            'data-field': 'body.outcome',
          }),
          h('label', { for: `${prefix}-${value}` }, text),
        ),
      ),
    ),
    reasonField(prefix, '决定理由'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '作出决定')),
  );
  submitTo(form, {
    session,
    path: () => path,
    bodyOf: (f) => ({ outcome: f.elements.outcome.value, reason: f.elements.reason.value.trim() }),
    done,
  });
  return form;
}

/**
 * Every item of the agency's list at `path` (up to two pages) rendered into #q-list, with its
 * loading, empty and failed states in #q-state.
 */
export async function loadAll({ session, path, render, empty }) {
  const state = $('q-state');
  showState(state, 'loading', '正在加载…');
  try {
    const items = await getAllPages(path, { token: session.token }, 2);
    fill($('q-list'), ...items.map(render));
    showState(
      state,
      items.length === 0 ? 'empty' : 'done',
      items.length === 0 ? empty : `共 ${items.length} 条`,
    );
  } catch (error) {
    if (!handleSignedOut(error))
      showState(state, stateKindOf(error), failureMessage(error), () =>
        loadAll({ session, path, render, empty }),
      );
  }
}
