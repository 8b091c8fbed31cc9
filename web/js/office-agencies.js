/*
 * 机关名录 (office-agencies.html, credit office): the directory of deciding bodies, and a form
 * that names a new agency or renames one. A rename sends the version it was read at
 * (If-Match), so two clerks editing at once never overwrite each other unseen.
 */

import { apiFetch, getJson } from './api.js';
import { startPage } from './page.js';
import { handleSignedOut, requireStaff } from './staff.js';
import { clearFormErrors, failureMessage, fill, h, showFormErrors, showState, stateKindOf } from './ui.js';

const session = requireStaff('admin');
const $ = (id) => document.getElementById(id);
const form = $('agency-form');
/** The directory as last read, by code: its version is what a rename must match. */
let known = new Map();

async function showList() {
  const state = $('list-state');
  showState(state, 'loading', '正在读取机关名录…');
  try {
    const { items } = await getJson('/v1/agencies');
    known = new Map(items.map((agency) => [agency.uscc, agency]));
    fill($('agency-rows'), ...items.map(row));
    showState(
      state,
      items.length ? 'done' : 'empty',
      items.length ? `共 ${items.length} 个机关` : '名录中还没有机关',
    );
  } catch (error) {
    showState(state, stateKindOf(error), failureMessage(error), showList);
  }
}

function row(agency) {
  const edit = () => {
    form.elements.namedItem('uscc').value = agency.uscc;
    form.elements.namedItem('name').value = agency.name;
    form.elements.namedItem('shortName').value = agency.shortName ?? '';
    $('a-name').focus();
  };
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, agency.uscc),
    h('td', {}, agency.name),
    h('td', {}, agency.shortName ?? ''),
    h(
      'td',
      {},
      h(
        'button',
        { type: 'button', class: 'secondary small', onclick: edit, 'aria-label': `修改 ${agency.name}` },
        '修改',
      ),
    ),
  );
}

async function save(event) {
  event.preventDefault();
  clearFormErrors(form);
  const uscc = form.elements.namedItem('uscc').value.trim().toUpperCase();
  const name = form.elements.namedItem('name').value.trim();
  const shortName = form.elements.namedItem('shortName').value.trim();
  const missing = [
    ...(uscc ? [] : [{ field: 'path.uscc', message: '请填写统一社会信用代码' }]),
    ...(name ? [] : [{ field: 'body.name', message: '请填写机关名称' }]),
  ];
  if (missing.length) return showFormErrors(form, { fieldErrors: missing });
  const current = known.get(uscc);
  try {
    await apiFetch(`/v1/agencies/${encodeURIComponent(uscc)}`, {
      method: 'PUT',
      token: session.token,
      body: { name, ...(shortName ? { shortName } : {}) },
      ...(current ? { ifMatch: `"${current.version}"` } : {}),
    });
    form.reset();
    showState($('save-state'), 'done', `已保存：${name}`);
    await showList();
  } catch (error) {
    if (handleSignedOut(error)) return;
    showFormErrors(form, error);
    if (error.status === 412) await showList(); // someone saved first: show what they saved
  }
}

async function start() {
  await startPage();
  if (!session) return;
  form.addEventListener('submit', save);
  await showList();
}

start();
