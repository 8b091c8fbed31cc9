/*
 * 批量导入 (workbench-upload.html), for agency clerks: sends a CSV (UTF-8 or GB18030, the API
 * detects which) or an .xlsx file to POST /v1/records/batch, and shows every row's result (新建 / 已存在 / 错误 with row, column and the
 * Chinese message). A large file is answered 202 with a job, followed until it is done.
 */

import { ApiError, getJson, NetworkError, siteConfig } from './api.js';
import { startPage } from './page.js';
import { RECORD_FORMS } from './record-forms.js';
import { handleSignedOut, requireStaff } from './staff.js';
import { clearFormErrors, h, showFormErrors } from './ui.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TYPES = { csv: 'text/csv', xlsx: XLSX };
const POLL_MS = 1000;
const STATUS = { created: '新建', existing: '已存在', error: '错误' };

const $ = (id) => document.getElementById(id);
const form = $('upload-form');
let session;
let key;

const typeOf = (file) => TYPES[file.name.toLowerCase().split('.').pop()];

const decodes = (encoding, bytes) => {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

/**
 * What is sent for `file`: its own bytes, except a CSV that is not UTF-8, which goes as the
 * UTF-8 text of its GB18030 reading. The API detects GB18030 too, but API Gateway on AWS hands
 * a text/csv body to the function as a string, and what it makes of bytes that are not UTF-8
 * is not documented; UTF-8 crosses every hop intact. Undecodable bytes go as they are, for the
 * API to refuse with its own message.
 */
async function bodyOf(file) {
  if (typeOf(file) !== TYPES.csv) return file;
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (decodes('utf-8', bytes) !== undefined) return file;
  const text = decodes('gb18030', bytes);
  return text === undefined ? file : new Blob([text], { type: TYPES.csv });
}

/** POST the file (its bytes, or a GB18030 CSV's text in UTF-8); apiFetch would send JSON. */
async function upload(file, query) {
  const { apiBaseUrl = '' } = await siteConfig();
  const url = new URL(`${String(apiBaseUrl).replace(/\/+$/, '')}/v1/records/batch`, location.origin);
  for (const [name, value] of Object.entries(query)) if (value) url.searchParams.set(name, value);
  key ??= crypto.randomUUID();
  const headers = {
    accept: 'application/json',
    authorization: `Bearer ${session.token}`,
    'content-type': typeOf(file),
    'idempotency-key': key,
  };
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: await bodyOf(file),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const answer = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, answer);
  key = undefined;
  return { accepted: response.status === 202, answer };
}

function showProgress(job) {
  const progress = $('upload-progress');
  progress.hidden = false;
  progress.max = job.rows;
  progress.value = job.processed;
  $('upload-status').textContent = `正在导入：已处理 ${job.processed} / ${job.rows} 行`;
}

/** Follows a job until every row has its result. */
async function follow(job) {
  let current = job;
  showProgress(current);
  while (current.status !== 'done') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    current = await getJson(`/v1/jobs/${encodeURIComponent(job.id)}`, { token: session.token });
    showProgress(current);
  }
  $('upload-progress').hidden = true;
  return current;
}

function rowOf(result) {
  const text =
    result.status === 'error'
      ? result.message?.zh
      : h('a', { href: `workbench-record.html?id=${encodeURIComponent(result.id)}` }, result.id);
  return h(
    'tr',
    { class: result.status === 'error' ? 'row-error' : '' },
    h('td', { class: 'num' }, String(result.row)),
    h('td', {}, STATUS[result.status] ?? result.status),
    h('td', {}, result.status === 'error' ? (result.column ?? result.field ?? '') : ''),
    h('td', {}, text ?? ''),
  );
}

function showResults({ summary, results }) {
  $('result-summary').textContent =
    `共 ${summary.rows} 行：新建 ${summary.created} 行，已存在 ${summary.existing} 行，错误 ${summary.error} 行。` +
    (summary.error > 0 ? '有错误的行未导入，请改正后重新上传（已导入的行不会重复登记）。' : '');
  $('result-rows').replaceChildren(...[...results].sort((a, b) => a.row - b.row).map(rowOf));
  $('upload-result').hidden = false;
  $('result-heading').focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(form);
  $('upload-status').textContent = '';
  const file = form.elements.namedItem('file').files[0];
  if (!file || !typeOf(file)) {
    const message = file ? '请选择 .csv 或 .xlsx 文件' : '请选择文件';
    return showFormErrors(form, { fieldErrors: [{ field: 'body', message }] });
  }
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  $('upload-result').hidden = true;
  $('upload-status').textContent = '正在上传……';
  try {
    const query = { kind: $('u-kind').value, publish: $('u-publish').checked ? 'true' : '' };
    const { accepted, answer } = await upload(file, query);
    const done = accepted ? await follow(answer) : answer;
    $('upload-status').textContent = '导入完成。';
    showResults(done);
  } catch (error) {
    $('upload-status').textContent = '';
    if (!handleSignedOut(error)) showFormErrors(form, error);
  } finally {
    button.disabled = false;
  }
});

form.addEventListener('change', () => {
  key = undefined; // another file or option is another upload
});

/** The templates are public: a plain link downloads them, from wherever the API is served. */
function templateLinks(base) {
  return Object.entries(RECORD_FORMS).map(([kind, { label }]) => {
    const link = (format, text) =>
      h(
        'a',
        { href: `${base}/v1/templates/${kind}?format=${format}`, download: '' },
        `${label}模板（${text}）`,
      );
    return h('li', {}, link('xlsx', 'Excel'), ' · ', link('csv', 'CSV'));
  });
}

async function main() {
  await startPage();
  session = requireStaff('agency');
  if (!session) return;
  for (const [value, { label }] of Object.entries(RECORD_FORMS))
    $('u-kind').append(h('option', { value }, label));
  const { apiBaseUrl = '' } = await siteConfig();
  $('templates').replaceChildren(...templateLinks(String(apiBaseUrl).replace(/\/+$/, '')));
}

main();
