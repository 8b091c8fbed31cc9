/*
 * 工作日历 (office.html, credit office): every year with its source and whether it is
 * provisional; a State Council notice typed in as the clerk reads it, previewed (which open
 * deadlines would move, old due → new due) and then loaded with If-Match. Being the office's
 * home, it also carries the office's shared inbox (the daily overdue digest among it) and the
 * address its notifications are mailed to.
 */

import { ApiError, apiFetch, postJson } from './api.js';
import { readHolidays, readWorkdays } from './office-notice.js';
import { startPage } from './page.js';
import { handleSignedOut, requireStaff } from './staff.js';
import { staffNotifications } from './staff-notifications.js';
import { clearFormErrors, fill, h, showFormErrors, showState } from './ui.js';

const session = requireStaff('admin');

const FIRST_YEAR = 2004;
const nextYear = new Date().getFullYear() + 1;
const ORIGIN_TEXT = { loaded: '已载入', seed: '随系统提供', 'statutory-rules': '按法定节日推定' };
const MOVE_KIND_TEXT = {
  'disclosure-due': '公示期限',
  'objection-due': '异议处理期限',
  'repair-due': '信用修复决定期限',
};

const form = document.getElementById('notice-form');
const yearSelect = document.getElementById('n-year');
const previewSection = document.getElementById('preview');
const confirmForm = document.getElementById('confirm-form');
/** The previewed request: exactly what 确认载入 sends, so what is loaded is what was previewed. */
let pending;

async function loadYear(year) {
  const response = await apiFetch(`/v1/calendar/${year}`);
  return { view: await response.json(), etag: response.headers.get('etag') ?? '"0"' };
}

async function showYears() {
  const state = document.getElementById('years-state');
  showState(state, 'loading', '正在读取各年份日历…');
  const years = [];
  for (let y = nextYear; y >= FIRST_YEAR; y--) years.push(y);
  try {
    const found = await Promise.all(years.map(loadYear));
    state.replaceChildren();
    fill(document.getElementById('years-rows'), ...found.map(({ view }) => yearRow(view)));
  } catch (error) {
    if (!handleSignedOut(error)) showState(state, 'error', error.message, showYears);
  }
}

function yearRow(view) {
  const url = view.source.urls[0];
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, String(view.year)),
    h('td', {}, view.provisional ? h('span', { class: 'badge provisional' }, '暂定') : '正式'),
    h('td', {}, ORIGIN_TEXT[view.origin] ?? view.origin, view.version ? `（第 ${view.version} 版）` : ''),
    h(
      'td',
      {},
      url?.startsWith('https://') || url?.startsWith('http://')
        ? h('a', { href: url }, view.source.title)
        : view.source.title,
    ),
    h(
      'td',
      {},
      h(
        'button',
        { type: 'button', class: 'link', onclick: () => chooseYear(view.year) },
        `载入 ${view.year} 年通知`,
      ),
    ),
  );
}

function chooseYear(year) {
  yearSelect.value = String(year);
  document.getElementById('n-title').value ||= `国务院办公厅关于${year}年部分节假日安排的通知`;
  document.getElementById('n-holidays').focus();
}

/** The PUT body from the form, or throws an ApiError-like list of the lines it cannot read. */
function bodyOf(year) {
  const holidays = readHolidays(form.holidays.value, year);
  const workdays = readWorkdays(form.workdays.value, year);
  const fieldErrors = [];
  if (holidays.errors.length > 0) {
    fieldErrors.push({
      field: 'body.holidays',
      message: `第 ${holidays.errors.join('、')} 行无法识别，请写成“名称 日期”或“名称 日期至日期”`,
    });
  } else if (holidays.holidays.length === 0) {
    fieldErrors.push({ field: 'body.holidays', message: '请至少填写一个节日' });
  }
  if (workdays.errors.length > 0) {
    fieldErrors.push({ field: 'body.workdays', message: `无法识别的日期：${workdays.errors.join('、')}` });
  }
  if (!form.title.value.trim()) fieldErrors.push({ field: 'body.source.title', message: '请填写通知标题' });
  if (fieldErrors.length > 0) throw Object.assign(new Error('请按提示修改'), { fieldErrors });
  const url = form.url.value.trim();
  return {
    holidays: holidays.holidays,
    workdays: workdays.workdays,
    source: { title: form.title.value.trim(), urls: url ? [url] : [] },
  };
}

/** API fields name array items (body.holidays[3].date): show them beside the whole list. */
function besideFields(error) {
  if (!(error instanceof ApiError)) return error;
  const fieldErrors = error.fieldErrors.map(({ field, message }) => ({
    field: field
      .replace(/^(body\.)?(holidays|workdays|source\.urls)[[.].*$/, 'body.$2')
      .replace(/^(body\.)?year$|^params\.year$/, 'year'),
    message,
  }));
  return Object.assign(error, { fieldErrors });
}

async function preview(event) {
  event.preventDefault();
  clearFormErrors(form);
  previewSection.hidden = true;
  const year = Number(yearSelect.value);
  try {
    const body = bodyOf(year);
    const { etag } = await loadYear(year);
    const answer = await postJson(`/v1/calendar/${year}/preview`, body, { token: session.token });
    pending = { year, body, etag };
    showPreview(answer);
  } catch (error) {
    if (!handleSignedOut(error)) showFormErrors(form, besideFields(error));
  }
}

function showPreview({ year, moves, total, truncated }) {
  const summary =
    total === 0
      ? `载入 ${year} 年通知不会移动任何未到期期限。`
      : `载入 ${year} 年通知将移动 ${total} 个未到期期限${truncated ? `（下表列出前 ${moves.length} 个）` : ''}。`;
  document.getElementById('preview-summary').textContent = summary;
  fill(
    document.getElementById('preview-rows'),
    ...moves.map((m) =>
      h(
        'tr',
        {},
        h('td', {}, MOVE_KIND_TEXT[m.kind] ?? '期限'),
        // Plain text: the record's agency page is the agency's alone (GET /v1/records/{id}).
        h('td', {}, m.id),
        h('td', {}, m.agency),
        h('td', {}, m.oldDue),
        h('td', {}, h('strong', {}, m.newDue)),
      ),
    ),
  );
  document.getElementById('confirm-state').textContent = '';
  document.getElementById('n-confirm').textContent = `确认载入 ${year} 年日历`;
  previewSection.hidden = false;
  document.getElementById('preview-heading').focus();
}

async function confirm(event) {
  event.preventDefault();
  if (!pending) return;
  clearFormErrors(confirmForm);
  const { year, body, etag } = pending;
  const state = document.getElementById('confirm-state');
  try {
    await apiFetch(`/v1/calendar/${year}`, { method: 'PUT', body, token: session.token, ifMatch: etag });
    pending = undefined;
    state.textContent = `${year} 年日历已载入；受影响的期限将在数分钟内按新日历重新计算。`;
    confirmForm.hidden = true;
    await showYears();
  } catch (error) {
    if (!handleSignedOut(error)) showFormErrors(confirmForm, besideFields(error));
  }
}

async function start() {
  await startPage();
  if (!session) return;
  staffNotifications(session, {
    inboxMount: document.getElementById('office-inbox'),
    contactMount: document.getElementById('office-contact'),
  });
  for (let y = nextYear; y >= FIRST_YEAR; y--)
    yearSelect.append(h('option', { value: String(y) }, `${y} 年`));
  form.addEventListener('submit', preview);
  form.addEventListener('input', () => {
    previewSection.hidden = true; // a changed notice must be previewed again before it is loaded
    confirmForm.hidden = false;
  });
  confirmForm.addEventListener('submit', confirm);
  await showYears();
}

start();
