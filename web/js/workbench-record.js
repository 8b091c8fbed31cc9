/*
 * 登记行政行为 (workbench-record.html), for agency clerks: register a record of any of the ten
 * kinds (and publish it at once), or, with ?id=…, open one to publish it later, correct it
 * (the changed fields, shown before sending) or revoke it (reason, date and number of the
 * revoking decision). The form is rendered from record-forms.js, generated from the API's
 * schemas; the API's refusals are shown beside their inputs. Every action carries an
 * Idempotency-Key, kept for a retry of the same action and dropped once it succeeds.
 */

import { ApiError, getJson, postJson } from './api.js';
import { startPage } from './page.js';
import { RECORD_FORMS } from './record-forms.js';
import { handleSignedOut, requireStaff } from './staff.js';
import { clearFormErrors, h, showFormErrors, showState } from './ui.js';
import { asFormError, changesBody, changesOf } from './workbench-record-changes.js';
import { applyCategory, fillRecord, readRecord, renderFields } from './workbench-record-fields.js';
import { showRecord } from './workbench-record-summary.js';
import { checkInputs } from './workbench-record-validity.js';

const $ = (id) => document.getElementById(id);
const form = $('record-form');
const revocationForm = $('revocation-form');
const keys = {};
let session;
let kind = 'penalty';
let stored; // the agency's view of an opened record (GET /v1/records/{id})

/** Sends an action once: the same key for a retry, a new one after success. */
async function send(action, path, body) {
  keys[action] ??= crypto.randomUUID();
  const answer = await postJson(path, body, { token: session.token, idempotencyKey: keys[action] });
  keys[action] = undefined;
  return answer;
}

function showKind(next) {
  kind = next;
  $('record-fields').replaceChildren(...renderFields(kind));
  applyCategory(form, kind);
}

/** Editing is possible for a new record, and for a stored one once 更正 is chosen. */
function setEditing(editing) {
  for (const fieldset of $('record-fields').querySelectorAll(':scope > fieldset'))
    fieldset.disabled = !editing;
}

function setMode(mode) {
  const show = (id, on) => {
    $(id).hidden = !on;
  };
  show('register', mode === 'new');
  show('register-publish', mode === 'new');
  show('review-correction', mode === 'correcting');
  show('send-correction', mode === 'reviewing');
  show('cancel-correction', mode === 'correcting' || mode === 'reviewing');
  show('correction-review', mode === 'reviewing');
  form.hidden = mode === 'revoking';
  $('form-actions').hidden = mode === 'viewing' || mode === 'revoking';
  $('f-kind').disabled = mode !== 'new';
  setEditing(mode === 'new' || mode === 'correcting' || mode === 'reviewing');
  revocationForm.hidden = mode !== 'revoking';
}

async function failed(error, target, mapped = error) {
  if (handleSignedOut(error)) return;
  if (error instanceof ApiError) showFormErrors(target, mapped);
  else showFormErrors(target, { fieldErrors: [], message: error.message });
}

async function open(id, note = '') {
  try {
    stored = await getJson(`/v1/records/${encodeURIComponent(id)}`, { token: session.token });
  } catch (error) {
    if (handleSignedOut(error)) return;
    showState($('record-state'), 'error', error.message);
    return;
  }
  $('record-state').replaceChildren();
  document.querySelector('h1').textContent =
    `${RECORD_FORMS[stored.record.kind].label}：${stored.record.documentNumber}`;
  $('f-kind').value = stored.record.kind;
  showKind(stored.record.kind);
  fillRecord(form, kind, stored.record);
  // Never published: nothing is pushed (404); any other failure leaves the line out.
  const push = await getJson(`/v1/records/${encodeURIComponent(id)}/upstream`, {
    token: session.token,
  }).catch(() => undefined);
  showRecord(stored, note, push);
  $('publish-now').hidden = stored.status !== 'registered';
  $('start-correction').hidden = stored.status === 'revoked';
  $('start-revocation').hidden = stored.status === 'revoked';
  setMode('viewing');
}

async function register(publish) {
  const record = readRecord(form, kind);
  const problems = checkInputs(form);
  if (problems.length > 0) return showFormErrors(form, { fieldErrors: problems });
  const answer = await send('register', '/v1/records', publish ? { ...record, publish: true } : record);
  history.replaceState(null, '', `?id=${encodeURIComponent(answer.id)}`);
  await open(answer.id, publish ? '已登记并公示。' : '已登记，尚未公示。');
}

function review() {
  const changes = changesOf(kind, stored.record, readRecord(form, kind));
  const problems = checkInputs(form);
  if (changes.length === 0) problems.push({ field: 'body.kind', message: '没有要更正的字段' });
  if (problems.length > 0) return showFormErrors(form, { fieldErrors: problems });
  const items = changes.map(({ field, from, to }) =>
    h('li', {}, h('strong', {}, field.label), `：${from} → ${to}`),
  );
  $('review-list').replaceChildren(h('ul', { class: 'changes' }, ...items));
  setMode('reviewing');
  $('review-heading').tabIndex = -1;
  $('review-heading').focus();
}

async function correct() {
  const changes = changesOf(kind, stored.record, readRecord(form, kind));
  const value = (name) => form.elements.namedItem(name).value.trim() || undefined;
  const body = {
    reason: value('correctionReason') ?? '',
    changes: changesBody(changes),
    decisionDate: value('changeDecisionDate'),
    documentNumber: value('changeDocumentNumber'),
  };
  try {
    await send('correct', `/v1/records/${encodeURIComponent(stored.id)}/corrections`, body);
  } catch (error) {
    return failed(error, form, error instanceof ApiError ? asFormError(error) : error);
  }
  form.elements.namedItem('correctionReason').value = '';
  await open(stored.id, '已更正，公示内容为更正后的版本。');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const action = event.submitter?.value ?? (stored ? 'review' : 'draft');
  clearFormErrors(form);
  $('form-status').textContent = '';
  if (action === 'review') return review();
  const buttons = [...form.querySelectorAll('button')];
  for (const button of buttons) button.disabled = true;
  try {
    if (action === 'correct') await correct();
    else await register(action === 'publish');
  } catch (error) {
    await failed(error, form);
  } finally {
    for (const button of buttons) button.disabled = false;
  }
});

form.addEventListener('input', () => {
  keys.register = undefined;
  keys.correct = undefined;
});
form.addEventListener('change', (event) => {
  if (event.target.name === 'subject.category') applyCategory(form, kind);
});
$('f-kind').addEventListener('change', (event) => showKind(event.target.value));

$('publish-now').addEventListener('click', async (event) => {
  event.target.disabled = true;
  try {
    await send('publish', `/v1/records/${encodeURIComponent(stored.id)}/publish`);
    await open(stored.id, '已公示。');
  } catch (error) {
    if (!handleSignedOut(error)) showState($('record-state'), 'error', error.message);
  } finally {
    event.target.disabled = false;
  }
});
$('start-correction').addEventListener('click', () => {
  setMode('correcting');
  form.querySelector('#record-fields input, #record-fields select, #record-fields textarea')?.focus();
});
$('cancel-correction').addEventListener('click', () => open(stored.id));
$('start-revocation').addEventListener('click', () => {
  setMode('revoking');
  $('r-reason').focus();
});
$('cancel-revocation').addEventListener('click', () => open(stored.id));

revocationForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(revocationForm);
  const problems = checkInputs(revocationForm);
  if (problems.length > 0) return showFormErrors(revocationForm, { fieldErrors: problems });
  const value = (name) => revocationForm.elements.namedItem(name).value.trim();
  const body = {
    reason: value('reason'),
    decisionDate: value('decisionDate'),
    documentNumber: value('documentNumber'),
  };
  try {
    await send('revoke', `/v1/records/${encodeURIComponent(stored.id)}/revocations`, body);
    revocationForm.reset();
    await open(stored.id, '已撤销，公示页面显示撤销说明。');
  } catch (error) {
    await failed(error, revocationForm);
  }
});

async function main() {
  await startPage();
  session = requireStaff('agency');
  if (!session) return;
  const params = new URLSearchParams(location.search);
  const select = $('f-kind');
  for (const [value, { label }] of Object.entries(RECORD_FORMS)) select.append(h('option', { value }, label));
  const wanted = params.get('kind');
  select.value = wanted && wanted in RECORD_FORMS ? wanted : 'penalty';
  showKind(select.value);
  setMode('new');
  if (params.get('id')) await open(params.get('id'));
}

main();
