/*
 * 时效统计 (stats.html): per agency, how many records were published within the legal 7
 * working days, how many late, how many are overdue and still unpublished — as a table and
 * a stacked bar chart (SVG built element by element), with the same table as CSV to download.
 */

import { apiFetch, getJson } from './api.js';
import { startPage } from './page.js';
import { agencySearchHref, agencyText } from './records.js';
import {
  clearFormErrors,
  clearState,
  failureMessage,
  h,
  saveBlob,
  showFormErrors,
  showState,
  stateKindOf,
  svg,
} from './ui.js';

const $ = (id) => document.getElementById(id);
const form = $('stats-form');
const state = $('stats-state');

function rangeOfForm() {
  const data = new FormData(form);
  const range = {};
  for (const key of ['from', 'to']) {
    const value = String(data.get(key) ?? '').trim();
    if (value) range[key] = value;
  }
  return range;
}

async function load(range) {
  $('stats-result').hidden = true;
  showState(state, 'loading', '正在统计…');
  try {
    const stats = await getJson('/v1/stats/timeliness', { query: range });
    clearFormErrors(form);
    render(stats);
  } catch (error) {
    if (error?.fieldErrors?.length > 0) {
      showFormErrors(form, error);
      showState(state, 'error', '日期范围有误，请按提示修改。');
    } else {
      showState(state, stateKindOf(error), failureMessage(error), () => load(range));
    }
  }
}

function render(stats) {
  $('stats-range').textContent = `决定日期 ${stats.from} 至 ${stats.to}，统计时间 ${stats.asOf.slice(0, 10)}`;
  if (stats.agencies.length === 0) {
    showState(state, 'empty', '该期间内没有登记的行政行为');
    return;
  }
  clearState(state);
  $('stats-rows').replaceChildren(...stats.agencies.map(tableRow));
  // A wide table scrolls inside its own region on a phone; the region takes focus, so the
  // keyboard scrolls it too (axe: scrollable-region-focusable).
  const scroller = $('stats-table-scroll');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', '统计表（可左右滚动）');
  $('chart').replaceChildren(chart(stats.agencies));
  $('stats-result').hidden = false;
}

/** The agency by name when the directory has it (the API's `authority`), else by its code. */
const agencyOf = (a) => agencyText(a.authority ?? { uscc: a.agency });

const decided = (a) => a.publishedOnTime + a.publishedLate + a.unpublishedOverdue;

/** The share published on time among those whose deadline has passed or that are published. */
function onTimeRate(a) {
  const total = decided(a);
  return total === 0 ? '—' : `${((a.publishedOnTime / total) * 100).toFixed(1)}%`;
}

function tableRow(a) {
  const num = (value) => h('td', { class: 'num' }, String(value));
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, h('a', { href: agencySearchHref(a.agency) }, agencyOf(a))),
    num(a.registered),
    num(a.publishedOnTime),
    num(a.publishedLate),
    num(a.unpublishedOverdue),
    num(a.pending),
    num(onTimeRate(a)),
    num(a.medianWorkingDays ?? '—'),
  );
}

const SERIES = [
  ['publishedOnTime', 'bar-on-time', '按时公示'],
  ['publishedLate', 'bar-late', '逾期公示'],
  ['unpublishedOverdue', 'bar-overdue', '逾期未公示'],
];

/**
 * One stacked bar per agency, scaled to the largest. The words (agency and counts) are HTML,
 * so they keep their size on a phone; only the bar is SVG, stretched to the row's width.
 */
function chart(agencies) {
  const max = Math.max(1, ...agencies.map(decided));
  return h(
    'ol',
    { class: 'bars' },
    agencies.map((a) => {
      let x = 0;
      const segments = SERIES.filter(([key]) => a[key] > 0).map(([key, cls]) => {
        const width = (a[key] / max) * 100;
        const rect = svg('rect', { class: cls, x, y: 0, width, height: 10 });
        x += width;
        return rect;
      });
      const counts = SERIES.map(([key, , name]) => `${name} ${a[key]}`).join(' · ');
      return h(
        'li',
        {},
        h('p', { class: 'bar-label' }, h('span', {}, agencyOf(a)), h('span', { class: 'hint' }, counts)),
        svg(
          'svg',
          { viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
          segments,
        ),
      );
    }),
  );
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const range = rangeOfForm();
  const search = new URLSearchParams(range).toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
  load(range);
});

// The CSV needs the Accept header, which a link cannot send: fetch it and save the Blob.
$('csv').addEventListener('click', async () => {
  const status = $('csv-status');
  const range = rangeOfForm();
  status.textContent = '正在生成 CSV…';
  try {
    const response = await apiFetch('/v1/stats/timeliness', { accept: 'text/csv', query: range });
    const name = `公示时效统计_${range.from ?? '本年初'}_${range.to ?? '今日'}.csv`;
    saveBlob(await response.blob(), name);
    status.textContent = `已下载 ${name}`;
  } catch (error) {
    if (error?.fieldErrors?.length > 0) showFormErrors(form, error);
    status.textContent = failureMessage(error);
  }
});

await startPage();
const initial = Object.fromEntries(
  ['from', 'to'].flatMap((k) => {
    const v = new URLSearchParams(location.search).get(k);
    return v ? [[k, v]] : [];
  }),
);
for (const [k, v] of Object.entries(initial)) form.elements.namedItem(k).value = v;
load(initial);
