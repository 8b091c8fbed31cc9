/*
 * 我的 → 信用报告 and 信用承诺 (an entity's). Reports: a public-scope or special-scope report
 * (专项信用报告, with the penalties that are never published, for the entity's own use) made
 * now, the reports made so far with their number, time, 核验码 and SHA-256, each downloadable
 * as PDF or HTML. Commitments: every commitment of the entity with its keeping, and a form for
 * a commitment of its own accord (主动型, 行业自律型) to a receiving agency.
 */

import { apiFetch, getAllPages, postJson } from './api.js';
import { commitmentCard, verificationLine } from './commitments.js';
import {
  clearFormErrors,
  failureMessage,
  fieldList,
  fill,
  formatInstant,
  h,
  saveBlob,
  showFormErrors,
  showState,
  stateKindOf,
} from './ui.js';

const SCOPES = [
  ['public', '生成公共信用信息报告', '公共信用信息报告：任何人可见的信息。'],
  [
    'special',
    '生成专项信用报告',
    '专项信用报告：另含依法不公示的行政处罚（如简易程序），可替代无违法违规记录证明，仅供本单位使用。',
  ],
];

async function download(report, format, getToken) {
  const response = await apiFetch(report.links[format], { token: getToken(), accept: '*/*' });
  saveBlob(await response.blob(), `信用报告-${report.number}.${format}`);
}

function reportCard(report, { getToken, onError }) {
  const save = (format) => () => download(report, format, getToken).catch(onError);
  return h(
    'li',
    { class: 'card', dataset: { reportNumber: report.number } },
    h('p', { class: 'badges' }, h('span', { class: 'badge' }, report.scopeLabel)),
    h('h3', {}, `报告编号 ${report.number}`),
    fieldList([
      ['出具时间', formatInstant(report.issuedAt)],
      [
        '核验码',
        h(
          'a',
          { href: `verify.html?code=${encodeURIComponent(report.verificationCode)}` },
          report.verificationCode,
        ),
      ],
      ['PDF 的 SHA-256', h('code', { class: 'mono' }, report.files.pdf.sha256)],
      ['所含公示信息', `${report.counts.records} 条`],
    ]),
    h(
      'div',
      { class: 'card-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'secondary small',
          'aria-label': `下载 PDF：${report.number}`,
          onclick: save('pdf'),
        },
        '下载 PDF',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary small',
          'aria-label': `下载网页版：${report.number}`,
          onclick: save('html'),
        },
        '下载网页版',
      ),
    ),
  );
}

/** The reports section: make one now, and those made so far. */
export function myReports(mount, { uscc, getToken, onSignedOut }) {
  const state = h('div', { class: 'state', role: 'status', 'aria-live': 'polite' });
  const list = h('ol', { id: 'my-reports', class: 'cards' });
  const onError = (error) => {
    if (error?.name === 'ApiError' && error.status === 401) onSignedOut?.();
    else showState(state, stateKindOf(error), failureMessage(error));
  };
  const make = (scope) => async () => {
    showState(state, 'loading', '正在生成报告…');
    try {
      const report = await postJson('/v1/reports', { uscc, scope }, { token: getToken() });
      await reload();
      showState(state, 'done', `已生成：${report.scopeLabel}，编号 ${report.number}。`);
      list.querySelector('h3')?.setAttribute('tabindex', '-1');
      list.querySelector('h3')?.focus();
    } catch (error) {
      onError(error);
    }
  };
  fill(
    mount,
    h(
      'section',
      { 'aria-labelledby': 'my-reports-heading' },
      h('h2', { id: 'my-reports-heading', tabindex: '-1' }, '信用报告'),
      ...SCOPES.map(([, , hint]) => h('p', { class: 'hint' }, hint)),
      h(
        'div',
        { class: 'actions' },
        ...SCOPES.map(([scope, label]) => h('button', { type: 'button', onclick: make(scope) }, label)),
      ),
      state,
      list,
    ),
  );

  async function reload() {
    try {
      const items = await getAllPages('/v1/entity/reports', { token: getToken() });
      fill(list, ...items.map((r) => reportCard(r, { getToken, onError })));
      if (items.length === 0) showState(state, 'empty', '尚未生成信用报告');
    } catch (error) {
      onError(error);
    }
  }
  reload();
  return { reload };
}

let fieldCount = 0;
function field(label, control, hint) {
  control.id ||= `cm-field-${++fieldCount}`;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: control.id }, label),
    control,
    hint ? h('p', { class: 'hint' }, hint) : null,
  );
}

/** The commitments section: the entity's commitments and a form for one of its own accord. */
export function myCommitments(mount, { uscc, getToken, onSignedOut }) {
  const state = h('div', { class: 'state', role: 'status', 'aria-live': 'polite' });
  const list = h('ol', { id: 'my-commitments', class: 'cards' });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const input = (name, attrs = {}) => h('input', { name, 'data-field': `body.${name}`, ...attrs });
  const form = h(
    'form',
    { id: 'commitment-form', class: 'panel', novalidate: true },
    h('div', { class: 'form-errors', 'aria-live': 'assertive' }),
    h(
      'fieldset',
      {},
      h('legend', {}, '作出信用承诺（主动型、行业自律型）'),
      field(
        '承诺类型',
        h(
          'select',
          { name: 'type', 'data-field': 'body.type' },
          h('option', { value: 'voluntary' }, '主动型'),
          h('option', { value: 'industry_self_discipline' }, '行业自律型'),
        ),
      ),
      field('单位名称', input('name', { maxlength: 200, required: true, autocomplete: 'organization' })),
      field('承诺事由', input('matter', { maxlength: 200, required: true })),
      field(
        '承诺内容',
        h('textarea', { name: 'text', rows: 3, maxlength: 4000, required: true, 'data-field': 'body.text' }),
      ),
      field('承诺日期', input('madeOn', { type: 'date', value: today, max: today, required: true })),
      field('有效期至', input('validUntil', { type: 'date', min: today }), '不填为长期有效'),
      field(
        '承诺受理单位（统一社会信用代码）',
        input('receiver', {
          maxlength: 18,
          required: true,
          autocapitalize: 'characters',
          spellcheck: 'false',
        }),
        '受理单位须在期限内核查承诺；机关名录见“公示信息查询”页',
      ),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '提交承诺')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const values = Object.fromEntries(new FormData(form).entries());
    const body = { ...values, uscc };
    for (const key of Object.keys(body)) if (body[key] === '') delete body[key];
    try {
      await postJson('/v1/commitments', body, { token: getToken() });
      form.reset();
      await reload();
      showState(state, 'done', '承诺已提交并公示。');
    } catch (error) {
      if (error?.name === 'ApiError' && error.status === 401) onSignedOut?.();
      else showFormErrors(form, error);
    }
  });
  fill(
    mount,
    h(
      'section',
      { 'aria-labelledby': 'my-commitments-heading' },
      h('h2', { id: 'my-commitments-heading', tabindex: '-1' }, '信用承诺'),
      state,
      list,
      form,
    ),
  );

  async function reload() {
    showState(state, 'loading', '正在加载…');
    try {
      const items = await getAllPages('/v1/entity/commitments', { token: getToken() });
      fill(list, ...items.map((c) => commitmentCard(c, { extra: [verificationLine(c)] })));
      showState(
        state,
        items.length ? 'done' : 'empty',
        items.length ? `共 ${items.length} 项` : '尚无信用承诺',
      );
    } catch (error) {
      if (error?.name === 'ApiError' && error.status === 401) onSignedOut?.();
      else showState(state, stateKindOf(error), failureMessage(error), reload);
    }
  }
  reload();
  return { reload };
}
