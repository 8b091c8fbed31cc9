/*
 * 信用名单 (lists.html): the public lists, narrowed by type, name, code or deciding agency
 * (a plain GET form, so every query is a link); `?id=` shows one entry on its own.
 */

import { getJson } from './api.js';
import { entryCard } from './list-entries.js';
import { startPage } from './page.js';
import { pagedList } from './paged-list.js';
import { clearFormErrors, failureMessage, fill, showFormErrors, showState, stateKindOf } from './ui.js';

const form = document.getElementById('lists-form');
const state = document.getElementById('entries-state');
const list = document.getElementById('entries');
const params = new URLSearchParams(location.search);
const FILTERS = ['type', 'name', 'uscc', 'agency'];
const query = Object.fromEntries(
  FILTERS.map((name) => [name, (params.get(name) ?? '').trim()]).filter(([, value]) => value !== ''),
);
for (const [name, value] of Object.entries(query)) form.elements.namedItem(name).value = value;

async function showOne(id) {
  showState(state, 'loading', '正在加载…');
  try {
    const entry = await getJson(`/v1/lists/entries/${encodeURIComponent(id)}`);
    state.replaceChildren();
    delete state.dataset.kind;
    fill(list, entryCard(entry));
    document.getElementById('page-title').textContent = `${entry.subject.name}：${entry.typeLabel}`;
  } catch (error) {
    showState(
      state,
      stateKindOf(error),
      error.status === 404 ? '该条目不在公示名单中（可能已移出）。' : failureMessage(error),
    );
  }
}

const entries = pagedList(
  {
    list,
    state,
    prev: document.getElementById('prev-page'),
    next: document.getElementById('next-page'),
    heading: document.getElementById('entries-heading'),
  },
  {
    fetchPage: async (cursor) => {
      const answer = await getJson('/v1/lists', { query: { ...query, limit: 20, cursor } });
      clearFormErrors(form);
      return answer;
    },
    renderItem: (entry) => entryCard(entry),
    emptyText: '没有符合条件的名单条目',
    onFieldErrors: (error) => {
      showFormErrors(form, error);
      return true;
    },
  },
);

await startPage();
const id = params.get('id');
if (id) showOne(id);
else entries.restart();
