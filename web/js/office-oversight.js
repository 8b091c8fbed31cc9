/*
 * 监督 (office-oversight.html, credit office): the escalation lists, the event log and the
 * audit verification run, each read page by page from the admin API and shown as rows in
 * words, never as the API's JSON.
 */

import { getJson } from './api.js';
import { labelOf } from './labels.js';
import { startPage } from './page.js';
import { handleSignedOut, requireStaff } from './staff.js';
import { failureMessage, fill, formatInstant, h, showState, stateKindOf } from './ui.js';
import { CHAIN_PROBLEM_LABELS, ESCALATION_KIND_LABELS, EVENT_TYPE_LABELS, KIND_LABELS } from './words.js';

const session = requireStaff('admin');
const $ = (id) => document.getElementById(id);

/** The most pages one verification run reads before it reports where it stopped. */
const MAX_AUDIT_PAGES = 200;
const SUBJECT_TEXT = {
  record: '公示信息',
  objection: '异议',
  repair: '信用修复申请',
  'list-entry': '名单条目',
  check: '信用核查',
};

const options = (table, blank) => [
  ...(blank ? [h('option', { value: '' }, blank)] : []),
  ...Object.entries(table).map(([value, text]) => h('option', { value }, text)),
];

/**
 * What an escalated item is about: a list entry's list and subject, a check's matter and
 * entity, a filing's record summary or a record's own fields.
 */
function aboutOf(item) {
  if (item.typeLabel && item.subject) return `${item.typeLabel}：${item.subject.name}`;
  if (item.matter) return `${item.matter.typeLabel}：${item.matter.name}（${item.uscc}）`;
  const summary = item.record?.documentNumber ? item.record : undefined;
  if (summary) return `${labelOf(KIND_LABELS, summary.kind)} ${summary.documentNumber}`;
  if (item.record?.kind)
    return `${labelOf(KIND_LABELS, item.record.kind)} ${item.record.documentNumber ?? ''}`;
  return '';
}

function escalationRow(item) {
  // A list entry's open deadline: its decision, or the objection or early exit filed against it.
  const filing = [item.objection, item.exit].find((f) => f?.escalatedAt && !f.decision);
  const due =
    item.deadline?.due ??
    item.disclosureDeadline?.due ??
    (item.decisionEscalatedAt ? item.decisionDeadline?.due : filing?.deadline.due) ??
    '';
  const reported =
    item.escalatedAt ??
    item.revocation?.escalatedAt ??
    item.publication?.escalatedAt ??
    item.decisionEscalatedAt ??
    filing?.escalatedAt;
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, item.id),
    h('td', {}, aboutOf(item)),
    h('td', {}, item.agency ?? item.authority?.name ?? item.authority?.uscc ?? ''),
    h('td', {}, due),
    h('td', {}, reported ? formatInstant(reported) : ''),
  );
}

function eventRow(event) {
  return h(
    'tr',
    {},
    h('td', {}, formatInstant(event.at)),
    h('td', {}, labelOf(EVENT_TYPE_LABELS, event.type)),
    h('td', {}, `${SUBJECT_TEXT[event.subject.kind] ?? event.subject.kind} ${event.subject.id}`),
    h('td', {}, event.subject.agency),
  );
}

/**
 * A list read page by page into a table: the form's query, a 加载更多 button while the API
 * gives a cursor, and the loading, empty and failed states in words.
 */
function pagedTable({ form, path, rows, state, more, render, query, emptyText }) {
  let cursor;
  const load = async (first) => {
    if (first) {
      cursor = undefined;
      rows.replaceChildren();
    }
    showState(state, 'loading', '正在读取…');
    try {
      const page = await getJson(path, { token: session.token, query: { ...query(), limit: 50, cursor } });
      rows.append(...page.items.map(render));
      cursor = page.cursor;
      more.hidden = !cursor;
      const count = rows.children.length;
      showState(state, count === 0 ? 'empty' : 'done', count === 0 ? emptyText : `已显示 ${count} 条`);
    } catch (error) {
      if (!handleSignedOut(error))
        showState(state, stateKindOf(error), failureMessage(error), () => load(first));
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(true);
  });
  more.addEventListener('click', () => load(false));
  return load;
}

/** Runs the verification over every chain, page by page, and says what it found. */
async function runAudit() {
  const state = $('audit-state');
  const list = $('audit-problems');
  const button = $('audit-run');
  button.disabled = true;
  list.replaceChildren();
  let checked = 0;
  let cursor;
  const problems = [];
  try {
    for (let page = 0; page < MAX_AUDIT_PAGES; page++) {
      showState(state, 'loading', `正在核验，已核对 ${checked} 条审计链…`);
      const answer = await getJson('/v1/admin/audit/verify', { token: session.token, query: { cursor } });
      checked += answer.checked;
      problems.push(...answer.problems);
      cursor = answer.cursor;
      if (!cursor) break;
    }
    fill(
      list,
      ...problems.map((p) =>
        h(
          'li',
          {},
          `${p.chain}：${labelOf(CHAIN_PROBLEM_LABELS, p.problem)}${p.seq === undefined ? '' : `（第 ${p.seq} 条）`}`,
        ),
      ),
    );
    const scope = cursor
      ? `已核对 ${checked} 条审计链（尚未核对完，可再次核验）`
      : `核验完成，共核对 ${checked} 条审计链`;
    showState(
      state,
      problems.length ? 'error' : 'done',
      `${scope}，${problems.length ? `发现 ${problems.length} 个问题` : '未发现问题'}。`,
    );
  } catch (error) {
    if (!handleSignedOut(error)) showState(state, stateKindOf(error), failureMessage(error), runAudit);
  } finally {
    button.disabled = false;
  }
}

/** The nightly reconciliations with the city's platform, newest first, in words. */
async function loadReconciliations() {
  const state = $('recon-state');
  showState(state, 'loading', '正在加载…');
  try {
    const { items } = await getJson('/v1/admin/upstream/reconciliations', { token: session.token });
    if (items.length === 0) {
      showState(state, 'empty', '尚无对账记录（配置市平台后每日 02:30 对账）');
      return;
    }
    state.replaceChildren();
    delete state.dataset.kind;
    fill(
      $('recon-list'),
      ...items.map((r) =>
        h(
          'li',
          {},
          `${formatInstant(r.at)}：${r.differences === 0 ? '一致' : `差异 ${r.differences} 条`}；本系统应有 ${r.ours.count} 条，平台现有 ${r.theirs.count} 条；待报送 ${r.pending} 条，被退回 ${r.failed} 条`,
          r.sample.length > 0 ? h('br') : undefined,
          r.sample.length > 0
            ? h(
                'span',
                { class: 'hint' },
                `例如：${r.sample
                  .slice(0, 5)
                  .map((d) => d.recordId)
                  .join('、')}`,
              )
            : undefined,
        ),
      ),
    );
  } catch (error) {
    if (!handleSignedOut(error))
      showState(state, stateKindOf(error), failureMessage(error), loadReconciliations);
  }
}

if (session) {
  loadReconciliations();
  fill($('esc-kind'), ...options(ESCALATION_KIND_LABELS));
  fill($('events-type'), ...options(EVENT_TYPE_LABELS, '全部'));
  const escalations = pagedTable({
    form: $('esc-form'),
    path: '/v1/admin/escalations',
    rows: $('esc-rows'),
    state: $('esc-state'),
    more: $('esc-more'),
    render: escalationRow,
    query: () => ({ kind: $('esc-kind').value }),
    emptyText: '没有逾期报告',
  });
  const events = pagedTable({
    form: $('events-form'),
    path: '/v1/admin/events',
    rows: $('events-rows'),
    state: $('events-state'),
    more: $('events-more'),
    render: eventRow,
    query: () => ({ type: $('events-type').value }),
    emptyText: '没有这类事件',
  });
  $('audit-run').addEventListener('click', runAudit);
  escalations(true);
  events(true);
}

await startPage();
