/*
 * /docs (docs.html): the API's own OpenAPI document (GET /v1/openapi.json) rendered for
 * people, grouped by tag: every operation with its method and path, Chinese and English
 * summary, who may call it, parameters, request body media types and responses; schemas as
 * collapsed JSON. It reads the served document, so it can never describe another API.
 */

import { getJson, siteConfig } from './api.js';
import { jsonDetails, operation } from './docs-operation.js';
import { startPage } from './page.js';
import { clearState, failureMessage, fill, h, showState, stateKindOf } from './ui.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

const TAG_NAMES = {
  calendar: '工作日历与期限',
  records: '行政行为登记（决定机关）',
  disclosures: '公示信息查询',
  objections: '异议',
  repairs: '信用修复',
  stats: '公示时效统计',
  admin: '信用管理部门',
  docs: '接口文档',
};

const state = document.getElementById('docs-state');
const container = document.getElementById('docs');

/** Every operation of the document as { method, path, op }, in the document's order. */
function operationsOf(spec) {
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] })),
  );
}

function render(spec) {
  const ops = operationsOf(spec);
  const declared = (spec.tags ?? []).map((t) => t.name);
  const used = ops.flatMap(({ op }) => op.tags ?? ['其他']);
  const tags = [...new Set([...declared, ...used])].filter((t) => used.includes(t));
  const tagInfo = new Map((spec.tags ?? []).map((t) => [t.name, t]));
  const security = Object.entries(spec.components?.securitySchemes ?? {});

  fill(
    container,
    h('section', {}, [
      h('h2', {}, spec.info?.title ?? 'API'),
      h(
        'p',
        {},
        `版本 ${spec.info?.version ?? ''} · OpenAPI ${spec.openapi ?? ''} · 共 ${ops.length} 个接口`,
      ),
      String(spec.info?.description ?? '')
        .split(/\n\n+/)
        .map((p) => h('p', {}, p)),
      h(
        'p',
        {},
        '错误以 application/problem+json 返回，含稳定的 code、中英文 message 和出错的 field。',
        security.map(
          ([name, s]) =>
            ` 认证方式 ${name}：${s.scheme ?? s.type} ${s.bearerFormat ?? ''}（${s.description ?? ''}）`,
        ),
      ),
    ]),
    h(
      'nav',
      { class: 'toc', 'aria-label': '接口分组' },
      h('h2', {}, '分组'),
      h(
        'ul',
        {},
        tags.map((t) => h('li', {}, h('a', { href: `#tag-${t}` }, `${TAG_NAMES[t] ?? t}（${t}）`))),
        h('li', {}, h('a', { href: '#schemas' }, '数据结构')),
      ),
    ),
    tags.map((t) =>
      h(
        'section',
        { id: `tag-${t}`, 'aria-labelledby': `tag-${t}-heading` },
        h('h2', { id: `tag-${t}-heading` }, `${TAG_NAMES[t] ?? t}（${t}）`),
        tagInfo.get(t)?.description
          ? h('p', { class: 'summary-en', lang: 'en' }, tagInfo.get(t).description)
          : null,
        ops
          .filter(({ op }) => (op.tags ?? ['其他']).includes(t) && (op.tags ?? ['其他'])[0] === t)
          .map(operation),
      ),
    ),
    h(
      'section',
      { id: 'schemas', 'aria-labelledby': 'schemas-heading' },
      h('h2', { id: 'schemas-heading' }, '数据结构'),
      Object.entries(spec.components?.schemas ?? {}).map(([name, schema]) =>
        jsonDetails(schema.description ? `${name} — ${schema.description}` : name, schema),
      ),
    ),
  );
}

async function load() {
  showState(state, 'loading', '正在加载接口文档…');
  try {
    const { apiBaseUrl = '' } = await siteConfig();
    const link = document.getElementById('openapi-link');
    link.href = `${String(apiBaseUrl).replace(/\/+$/, '')}/v1/openapi.json`;
    link.textContent = link.href;
    render(await getJson('/v1/openapi.json'));
    clearState(state);
    if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  } catch (error) {
    showState(state, stateKindOf(error), failureMessage(error), load);
  }
}

await startPage();
load();
