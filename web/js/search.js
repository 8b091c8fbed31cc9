/*
 * 搜索 (index.html). The query lives in the page's URL (?name=…&kind=…), so a search can be
 * bookmarked, shared and undone with the back button; without a query the page lists the
 * newest published records. The page number is in the URL too (&page=3); the cursors that
 * lead to it stay in this tab's sessionStorage, so a reload or 后退 returns to that page.
 */

import { getJson } from './api.js';
import { startPage } from './page.js';
import { pagedList } from './paged-list.js';
import { recordCard } from './records.js';
import { clearFormErrors, showFormErrors } from './ui.js';

const FILTERS = ['name', 'uscc', 'agency', 'kind', 'from', 'to'];
const PAGE_SIZE = 20;

const form = document.getElementById('search-form');
const heading = document.getElementById('results-heading');
let query = {};

/** The filled-in filters, trimmed; codes upper-cased as they are printed on licences. */
function queryOfForm() {
  const data = new FormData(form);
  const out = {};
  for (const name of FILTERS) {
    let value = String(data.get(name) ?? '').trim();
    if (name === 'uscc' || name === 'agency') value = value.toUpperCase();
    if (value) out[name] = value;
  }
  return out;
}

function queryOfUrl() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FILTERS.filter((n) => params.get(n)).map((n) => [n, params.get(n)]));
}

function fillForm(values) {
  for (const name of FILTERS) form.elements.namedItem(name).value = values[name] ?? '';
}

const results = pagedList(
  {
    list: document.getElementById('results'),
    state: document.getElementById('results-state'),
    prev: document.getElementById('prev-page'),
    next: document.getElementById('next-page'),
    heading,
  },
  {
    fetchPage: async (cursor) => {
      const answer = await getJson('/v1/disclosures', { query: { ...query, limit: PAGE_SIZE, cursor } });
      clearFormErrors(form); // the API took the query: any earlier complaint is settled
      return answer;
    },
    renderItem: (record) => recordCard(record),
    onPage: (index, cursors) => {
      const params = new URLSearchParams(query);
      if (index > 0) params.set('page', String(index + 1));
      history.replaceState(null, '', params.size > 0 ? `?${params}` : location.pathname);
      sessionStorage.setItem(pagesKey(query), JSON.stringify({ cursors, count: results.count() }));
    },
    emptyText: '没有找到符合条件的公示信息',
    onFieldErrors: (error) => {
      showFormErrors(form, error);
      return true;
    },
  },
);

/** Where this tab keeps the cursors of a search's pages. */
const pagesKey = (values) => `search-pages:${new URLSearchParams(values)}`;

function run(values, page = 1) {
  query = values;
  heading.textContent = Object.keys(values).length > 0 ? '查询结果' : '最新公示';
  const kept = page > 1 ? JSON.parse(sessionStorage.getItem(pagesKey(values)) ?? 'null') : null;
  // A page whose way there this tab remembers opens again; otherwise the search starts over.
  if (kept && Array.isArray(kept.cursors) && kept.cursors.length >= page)
    return results.resume(page - 1, kept.cursors, kept.count);
  return results.restart();
}

/** The page number of the address (page=3), 1 when absent or not a number. */
function pageOfUrl() {
  const n = Number(new URLSearchParams(location.search).get('page'));
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const values = queryOfForm();
  const search = new URLSearchParams(values).toString();
  history.pushState(null, '', search ? `?${search}` : location.pathname);
  run(values);
});

form.addEventListener('reset', () => {
  clearFormErrors(form);
});

window.addEventListener('popstate', () => {
  const values = queryOfUrl();
  fillForm(values);
  run(values, pageOfUrl());
});

await startPage();
const initial = queryOfUrl();
fillForm(initial);
run(initial, pageOfUrl());
