/*
 * 文书核验 (verify.html): anyone types the 核验码 printed on a document the service issued
 * (or opens the page from its link, ?code=…) and sees whether it is genuine, with what the
 * service recorded of it: no name, no ID number — only what is printed on the document itself.
 */

import { ApiError, getJson } from './api.js';
import { startPage } from './page.js';
import { clearFormErrors, fieldList, formatInstant, h, showFormErrors, showState } from './ui.js';

const $ = (id) => document.getElementById(id);
const form = $('verify-form');
const input = $('verify-code');
const state = $('verify-state');
const result = $('verify-result');

/** The SHA-256 of a file as 64 lower-case hex digits, computed in the browser. */
async function sha256Of(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A credit report's files are checked whole: the downloaded PDF or HTML is hashed here (it
 * never leaves the browser) and compared with what the service recorded when it issued them.
 */
async function fileCheck(found) {
  const report = await getJson(`/v1/reports/${encodeURIComponent(found.number)}/verify`);
  const known = { [report.files.pdf.sha256]: 'PDF', [report.files.html.sha256]: '网页版' };
  const outcome = h('p', { role: 'status', 'aria-live': 'polite' });
  const file = h('input', {
    id: 'verify-file',
    type: 'file',
    accept: '.pdf,.html,application/pdf,text/html',
  });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const hash = await sha256Of(chosen);
    outcome.textContent = known[hash]
      ? `一致：该文件是编号 ${report.number} 的报告（${known[hash]}）原件，未被改动。`
      : `不一致：该文件的 SHA-256 为 ${hash}，与本系统出具的报告文件不同，内容可能被改动。`;
  });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: file.id }, '核对已下载的报告文件（文件只在本机计算摘要，不会上传）'),
    file,
    h('p', { class: 'hint' }, `${report.scopeLabel}；网页版的 SHA-256：${report.files.html.sha256}`),
    outcome,
  );
}

async function check(code) {
  clearFormErrors(form);
  result.replaceChildren();
  showState(state, 'loading', '正在核验…');
  try {
    const found = await getJson(`/v1/verifications/${encodeURIComponent(code)}`);
    showState(state, 'done', '');
    result.replaceChildren(
      h(
        'section',
        { class: 'panel verified', 'aria-labelledby': 'verified-heading' },
        h('h2', { id: 'verified-heading' }, `真实有效：本系统出具的${found.title}`),
        fieldList([
          ['核验码', found.code],
          ['文书编号', found.number],
          [
            '出具机关',
            found.issuer.uscc ? `${found.issuer.name}（${found.issuer.uscc}）` : found.issuer.name,
          ],
          ['出具时间', formatInstant(found.issuedAt)],
          ['内容摘要（SHA-256）', h('code', { class: 'mono' }, found.sha256)],
        ]),
        h('p', { class: 'hint' }, '请核对文书上印的编号、机关和内容摘要与上表一致。'),
        found.kind === 'credit-report' ? await fileCheck(found) : null,
      ),
    );
    history.replaceState(null, '', `?code=${encodeURIComponent(found.code)}`);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'document_not_found') {
      showState(state, 'empty', '未找到：没有与该核验码对应的文书。请核对核验码；文书可能并非本系统出具。');
    } else if (error instanceof ApiError && error.status === 400) {
      showState(state, 'error', '');
      showFormErrors(form, error);
    } else {
      showState(state, 'error', error.message ?? '核验失败，请稍后重试。');
    }
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const code = input.value.trim();
  if (!code) {
    showFormErrors(form, { fieldErrors: [{ field: 'path.code', message: '请填写核验码' }] });
    return;
  }
  check(code);
});

startPage();
const given = new URLSearchParams(location.search).get('code');
if (given) {
  input.value = given;
  check(given);
}
