/*
 * 搜索 (index.html). The query lives in the page's URL (?name=…&kind=…), so a search can be
 * bookmarked, shared and undone with the back button; without a query the page lists the
 * newest published records.
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
    emptyText: '没有找到符合条件的公示信息',
    onFieldErrors: (error) => {
      showFormErrors(form, error);
      return true;
    },
  },
);

function run(values) {
  query = values;
  heading.textContent = Object.keys(values).length > 0 ? '查询结果' : '最新公示';
  return results.restart();
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
  run(values);
});

await startPage();
const initial = queryOfUrl();
fillForm(initial);
run(initial);
