/*
 * Rendering helpers. Data from the API only ever reaches the page as text (text nodes and
 * textContent) or as attribute values set one by one, never through innerHTML, so nothing
 * needs escaping by hand and a name like "<script>" stays a name.
 */

import { NetworkError } from './api.js';

/**
 * An element with properties and children. Props: `class`, `text`, `dataset`, `on<event>`
 * listeners; any other key is set as an attribute (true → present, false/undefined → absent).
 * Children may be nodes or strings (appended as text), nested arrays, or empty values.
 */
export function h(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

const SVG = 'http://www.w3.org/2000/svg';

/** The same for SVG elements (the chart of the statistics page). */
export function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG, tag), props, children);
}

/** Replaces a node's children, with h()'s rules: nested arrays flattened, empty values left out. */
export function fill(node, ...children) {
  node.replaceChildren(
    ...children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false),
  );
  return node;
}

function build(node, props, children) {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false));
  return node;
}

/** A <dl> row pair for each [label, value] whose value is present. */
export function fieldList(rows, className = 'field-list') {
  const present = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  return h(
    'dl',
    { class: className },
    ...present.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
  );
}

/** Only https links from data become links; anything else (javascript:, data:) stays text. */
export function safeHttpsUrl(value) {
  try {
    const url = new URL(String(value));
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// ---- Dates --------------------------------------------------------------------------------

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as "YYYY-MM-DD HH:mm" in Asia/Shanghai, the zone of every legal date here. */
export function formatInstant(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  const part = Object.fromEntries(SHANGHAI.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** Today's date in Asia/Shanghai (YYYY-MM-DD), e.g. for a commitment's signing date. */
export function todayInShanghai() {
  return formatInstant(new Date().toISOString()).slice(0, 10);
}

// ---- Visible states of a region: loading, empty, failed ---------------------------------

/**
 * Shows the state of a region in its status element (an aria-live region, so a screen reader
 * hears "正在加载…" and then the outcome). kind: loading | empty | done | error | network.
 * `retry` adds a 重试 button.
 */
export function showState(element, kind, message, retry) {
  element.dataset.kind = kind;
  element.replaceChildren(message);
  if (retry)
    element.append(h('button', { type: 'button', class: 'secondary small', onclick: retry }, '重试'));
}

export function clearState(element) {
  delete element.dataset.kind;
  element.replaceChildren();
}

/** The message to show for any failure; network failures say so in their own words. */
export function failureMessage(error) {
  if (error instanceof NetworkError) return error.message;
  if (error?.name === 'ApiError') return error.message;
  return '页面出错了，请刷新后重试。';
}

export const stateKindOf = (error) => (error instanceof NetworkError ? 'network' : 'error');

// ---- Form errors next to their fields -------------------------------------------------------

/**
 * Shows an ApiError on a form: each field the API names (`query.name`, `body.statement`,
 * `body.evidence[0].sha256`) beside the control whose data-field matches it, linked with
 * aria-describedby and marked aria-invalid; the whole list in the form's aria-live summary,
 * with a link to each field. Focus moves to the first invalid control.
 */
export function showFormErrors(form, error) {
  clearFormErrors(form);
  const summary = form.querySelector('.form-errors');
  const items = [];
  const seen = new Set();
  let first;
  for (const { field, message } of error.fieldErrors ?? []) {
    if (seen.has(field)) continue;
    seen.add(field);
    const control = controlFor(form, field);
    if (!control) {
      items.push(h('li', {}, message));
      continue;
    }
    markInvalid(control, message);
    first ??= control;
    items.push(h('li', {}, h('a', { href: `#${control.id}` }, `${labelOf(control)}：${message}`)));
  }
  if (items.length === 0) items.push(h('li', {}, failureMessage(error)));
  summary?.replaceChildren(h('p', {}, '未能完成，请按提示处理：'), h('ul', {}, items));
  first?.focus();
}

/**
 * The control an API field names. The API names it with its place in the request
 * (`body.recordId`, `query.name`); a bare name (a form's own check) is looked up in both.
 */
function controlFor(form, field) {
  for (const name of [field, `body.${field}`, `query.${field}`]) {
    const control = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (control) return control;
  }
  return null;
}

/** Removes every error message of the form and the marks on its controls. */
export function clearFormErrors(form) {
  form.querySelector('.form-errors')?.replaceChildren();
  for (const message of form.querySelectorAll('.field-error')) message.remove();
  for (const control of form.querySelectorAll('[aria-invalid="true"]')) {
    control.removeAttribute('aria-invalid');
    const kept = (control.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id && !id.endsWith('-error'));
    if (kept.length > 0) control.setAttribute('aria-describedby', kept.join(' '));
    else control.removeAttribute('aria-describedby');
  }
}

function markInvalid(control, message) {
  const id = `${control.id}-error`;
  const note = h('p', { class: 'field-error', id }, message);
  const field = control.closest('.field');
  if (field) field.append(note);
  else control.after(note);
  control.setAttribute('aria-invalid', 'true');
  const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  control.setAttribute('aria-describedby', [...described, id].join(' '));
}

function labelOf(control) {
  const label = control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  return (label?.textContent ?? control.name ?? '').trim();
}

// ---- Files ----------------------------------------------------------------------------------

/** Offers a Blob to the user as a download called `filename`. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; keep it a while for slow disks, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
