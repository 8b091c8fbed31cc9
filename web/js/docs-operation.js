/*
 * One operation of the OpenAPI document as the /docs page shows it: method and path, the
 * Chinese and English summary, who may call it, its parameters, request body media types
 * and responses, with schemas as collapsed JSON.
 */

import { labelOf } from './labels.js';
import { h } from './ui.js';
import { ROLE_LABELS } from './words.js';

const PLACES = { path: '路径', query: '查询', header: '请求头', cookie: 'Cookie' };

/**
 * The description is written "中文摘要\n\nEnglish summary\n\n角色 / roles: …" (or
 * "公开 / public"): its parts become the Chinese summary, further notes and the callers.
 */
function describe(op) {
  const parts = String(op.description ?? '')
    .split(/\n\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const whoPart = parts.find((p) => /^(角色|公开)/.test(p));
  const zh = parts[0] && parts[0] !== whoPart ? parts[0] : (op.summary ?? '');
  const notes = parts.slice(1).filter((p) => p !== whoPart && p !== op.summary);
  return { zh, notes, who: whoText(whoPart, op) };
}

function whoText(part, op) {
  const roles = /roles:\s*(.+)$/.exec(part ?? '')?.[1];
  if (roles) {
    const names = roles.split(/,\s*/).map((r) => `${labelOf(ROLE_LABELS, r)}（${r}）`);
    return `${names.join('、')}，须携带 Bearer 令牌`;
  }
  const isPublic = (op.security ?? []).length === 0;
  return isPublic ? '任何人（无需登录）' : '须携带 Bearer 令牌';
}

/**
 * A schema as collapsed JSON. The JSON is written into the page only when first opened: the
 * whole document would be about a megabyte of text, too much for a phone to lay out at once.
 */
export function jsonDetails(summary, value) {
  const details = h('details', {}, h('summary', {}, summary));
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('pre')) {
      details.append(h('pre', {}, h('code', {}, JSON.stringify(value, null, 2))));
    }
  });
  return details;
}

/**
 * A table in a box that scrolls sideways on a narrow screen; the box takes focus so the
 * keyboard can scroll it too, and is named for the screen reader that lands on it.
 */
function table(caption, headings, rows, owner) {
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${owner} ${caption}` },
    h(
      'table',
      {},
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headings.map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((cells) =>
          h(
            'tr',
            {},
            cells.map((c) => h('td', {}, c)),
          ),
        ),
      ),
    ),
  );
}

function schemaText(schema = {}) {
  if (schema.$ref) return schema.$ref.split('/').pop();
  if (schema.enum) return `${schema.type ?? ''} 可选值：${schema.enum.join(' | ')}`.trim();
  if (schema.pattern) return `${schema.type ?? ''} 格式：${schema.pattern}`.trim();
  return String(schema.type ?? '');
}

function parameters(op, owner) {
  const list = op.parameters ?? [];
  if (list.length === 0) return null;
  return table(
    '参数',
    ['名称', '位置', '必填', '说明', '类型'],
    list.map((p) => [
      h('code', {}, p.name),
      PLACES[p.in] ?? p.in,
      p.required ? '是' : '否',
      p.description ?? '',
      schemaText(p.schema),
    ]),
    owner,
  );
}

function requestBody(op) {
  const body = op.requestBody;
  if (!body) return null;
  const types = Object.entries(body.content ?? {});
  return h(
    'div',
    {},
    h('h4', {}, '请求体'),
    h(
      'p',
      {},
      `${body.required ? '必填' : '可选'}；媒体类型：`,
      types.map(([type], i) => [i > 0 ? '、' : '', h('code', {}, type)]),
      body.description ? `（${body.description}）` : '',
    ),
    types.map(([type, media]) => jsonDetails(`${type} 结构（JSON Schema）`, media.schema ?? {})),
  );
}

function responses(op, owner) {
  const entries = Object.entries(op.responses ?? {});
  const success = entries.filter(([code]) => code.startsWith('2'));
  return h(
    'div',
    {},
    table(
      '响应',
      ['状态码', '说明', '媒体类型'],
      entries.map(([code, r]) => [
        h('code', {}, code),
        r.description ?? '',
        Object.keys(r.content ?? {}).join('、') || '—',
      ]),
      owner,
    ),
    success.flatMap(([code, r]) =>
      Object.entries(r.content ?? {})
        .filter(([type]) => type.includes('json'))
        .map(([type, media]) => jsonDetails(`${code} ${type} 响应结构（JSON Schema）`, media.schema ?? {})),
    ),
  );
}

export function operation({ method, path, op }) {
  const { zh, notes, who } = describe(op);
  const id = op.operationId ?? `${method}-${path}`;
  const key = `${method.toUpperCase()} ${path}`;
  return h(
    'article',
    { class: 'operation', id, dataset: { operation: key } },
    // The heading reads exactly "METHOD path", as the API's own routes are written.
    h(
      'h3',
      {},
      h('span', { class: `method ${method}` }, method.toUpperCase()),
      ' ',
      h('code', { class: 'path' }, path),
    ),
    h('p', {}, zh),
    op.summary ? h('p', { class: 'summary-en', lang: 'en' }, op.summary) : null,
    notes.map((n) => h('p', { class: 'hint' }, n)),
    h(
      'dl',
      { class: 'meta' },
      h('div', {}, h('dt', {}, '调用者'), h('dd', {}, who)),
      h('div', {}, h('dt', {}, 'operationId'), h('dd', {}, h('code', {}, id))),
    ),
    parameters(op, key),
    requestBody(op),
    responses(op, key),
  );
}
