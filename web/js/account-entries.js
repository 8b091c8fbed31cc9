/*
 * 我的 → 信用名单 (an entity's): the entries about it in every state, with what it may do on
 * each — state its case while a proposed listing's hearing period runs (陈述申辩), object to a
 * listed entry (异议) — and the checks agencies made of it (条例 第37条). Early exit through
 * credit repair is applied for through the API (docs/lists.md).
 */

import { getAllPages, postJson } from './api.js';
import {
  clearFormErrors,
  failureMessage,
  fieldList,
  fill,
  formatInstant,
  h,
  showFormErrors,
  showState,
  stateKindOf,
} from './ui.js';

let formCount = 0;

/** A one-field form that posts its text as `field` to `path` and reloads the section when filed. */
function textForm({ legend, label, button, path, field, getToken, onDone }) {
  const id = `entry-form-${++formCount}`;
  const area = h('textarea', {
    id: `${id}-text`,
    name: 'text',
    rows: 3,
    maxlength: 4000,
    required: true,
    'data-field': `body.${field}`,
  });
  const form = h(
    'form',
    { class: 'entry-form', novalidate: true },
    h('div', { class: 'form-errors', 'aria-live': 'assertive' }),
    h(
      'fieldset',
      {},
      h('legend', {}, legend),
      h('div', { class: 'field' }, h('label', { for: area.id }, label), area),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, button)),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const text = area.value.trim();
    if (!text) {
      showFormErrors(form, { fieldErrors: [{ field: `body.${field}`, message: '请填写内容' }] });
      return;
    }
    try {
      await postJson(path, { [field]: text }, { token: getToken() });
      onDone();
    } catch (error) {
      showFormErrors(form, error);
    }
  });
  return form;
}

/** One entry of the entity, as its case file tells it, with the forms it allows now. */
function entryCard(entry, { getToken, reload }) {
  const base = `/v1/lists/entries/${encodeURIComponent(entry.id)}`;
  const proposedOpen = entry.status === 'proposed' && !entry.statement && !entry.hearingEndedAt;
  const objectable = entry.status === 'listed' && !entry.underObjection;
  return h(
    'li',
    { class: 'card', dataset: { entryId: entry.id } },
    h(
      'p',
      { class: 'badges' },
      h('span', { class: 'badge' }, entry.typeLabel),
      h(
        'span',
        { class: entry.status === 'proposed' || entry.underObjection ? 'badge pending' : 'badge' },
        entry.statusLabel,
      ),
    ),
    h('h3', {}, `${entry.typeLabel}：${entry.subject.name}`),
    fieldList([
      ['编号', entry.id],
      ['认定部门', entry.agency],
      ['认定依据', entry.basis],
      ['惩戒措施', entry.measures.map((m) => m.label).join('；')],
      [
        '陈述申辩期限',
        entry.status === 'proposed' ? `${entry.hearing.due}（北京时间当日 24:00 前）` : undefined,
      ],
      [
        '陈述申辩',
        entry.statement ? `${formatInstant(entry.statement.at)}：${entry.statement.text}` : undefined,
      ],
      ['决定', entry.decision ? `${formatInstant(entry.decision.at)}：${entry.decision.reason}` : undefined],
      ['列入日期', entry.listedOn],
      ['有效期至', entry.validUntil],
      ['移出日期', entry.removal ? `${entry.removal.on}（${entry.removal.reasonLabel}）` : undefined],
    ]),
    proposedOpen
      ? textForm({
          legend: '陈述申辩',
          label: '陈述申辩意见（事实、理由）',
          button: '提交陈述申辩',
          path: `${base}/statement`,
          field: 'text',
          getToken,
          onDone: reload,
        })
      : null,
    objectable
      ? textForm({
          legend: '对名单条目提出异议',
          label: '异议陈述（认定有误的事实、理由）',
          button: '提出异议',
          path: `${base}/objection`,
          field: 'statement',
          getToken,
          onDone: reload,
        })
      : null,
  );
}

function checkCard(check) {
  return h(
    'li',
    { class: 'card', dataset: { checkId: check.id } },
    h('h3', {}, check.agencyName ? `${check.agencyName}（${check.agency}）` : check.agency),
    fieldList([
      ['核查时间', formatInstant(check.madeAt)],
      ['事项', `${check.matter.typeLabel}：${check.matter.name}`],
    ]),
  );
}

/** Renders the section into `mount` and loads it. options: getToken(), onSignedOut(). */
export function myEntries(mount, { getToken, onSignedOut }) {
  const state = h('div', { class: 'state', role: 'status', 'aria-live': 'polite' });
  const list = h('ol', { id: 'my-entries', class: 'cards' });
  const checksState = h('div', { class: 'state', role: 'status', 'aria-live': 'polite' });
  const checks = h('ol', { id: 'my-checks', class: 'cards' });
  fill(
    mount,
    h(
      'section',
      { 'aria-labelledby': 'my-lists-heading' },
      h('h2', { id: 'my-lists-heading', tabindex: '-1' }, '信用名单'),
      state,
      list,
    ),
    h(
      'section',
      { 'aria-labelledby': 'my-checks-heading' },
      h('h2', { id: 'my-checks-heading' }, '核查本单位信用的机关'),
      checksState,
      checks,
    ),
  );

  async function load(into, itemsState, path, render, emptyText) {
    showState(itemsState, 'loading', '正在加载…');
    try {
      const items = await getAllPages(path, { token: getToken() });
      fill(into, ...items.map(render));
      showState(
        itemsState,
        items.length === 0 ? 'empty' : 'done',
        items.length === 0 ? emptyText : `共 ${items.length} 项`,
      );
    } catch (error) {
      if (error?.name === 'ApiError' && error.status === 401) onSignedOut?.();
      else showState(itemsState, stateKindOf(error), failureMessage(error), reload);
    }
  }

  function reload() {
    load(
      list,
      state,
      '/v1/entity/lists',
      (e) => entryCard(e, { getToken, reload }),
      '本单位不在任何信用名单中，也没有拟列入告知',
    );
    load(checks, checksState, '/v1/entity/checks', checkCard, '尚无机关核查本单位的信用');
  }
  reload();
  return { reload };
}
