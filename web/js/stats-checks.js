/*
 * 时效统计 → 信用核查与执行反馈 (stats.html): per agency, the checks it made before granting,
 * awarding or funding (应查必查) and whether it reported what it did in time (执行反馈), from
 * GET /v1/stats/checks; the same table as CSV to download.
 */

import { apiFetch, getJson } from './api.js';
import { failureMessage, fill, h, saveBlob, showState, stateKindOf } from './ui.js';

const $ = (id) => document.getElementById(id);
const percent = (rate) => (rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

async function load() {
  const state = $('checks-state');
  showState(state, 'loading', '正在加载…');
  try {
    const { agencies } = await getJson('/v1/stats/checks');
    fill(
      $('checks-rows'),
      ...agencies.map((a) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, a.name ? `${a.name}（${a.agency}）` : a.agency),
          ...[
            a.made,
            a.feedbackOnTime,
            a.feedbackLate,
            a.awaitingFeedback,
            a.escalated,
            a.measuresApplied,
          ].map((n) => h('td', { class: 'num' }, String(n))),
          h('td', { class: 'num' }, percent(a.onTimeRate)),
        ),
      ),
    );
    // The table is wide: on a phone it scrolls in its own region, which the keyboard can reach.
    const scroller = $('checks-scroll');
    scroller.tabIndex = 0;
    scroller.setAttribute('role', 'region');
    scroller.setAttribute('aria-label', '信用核查与执行反馈（表格可左右滚动）');
    if (agencies.length === 0) showState(state, 'empty', '尚无信用核查');
    else showState(state, 'done', `共 ${agencies.length} 个机关`);
  } catch (error) {
    showState(state, stateKindOf(error), failureMessage(error), load);
  }
}

// The CSV needs the Accept header, which a link cannot send: fetch it and save the Blob.
$('checks-csv').addEventListener('click', async () => {
  const status = $('checks-csv-status');
  status.textContent = '正在生成 CSV…';
  try {
    const response = await apiFetch('/v1/stats/checks', { accept: 'text/csv' });
    saveBlob(await response.blob(), '信用核查与执行反馈统计.csv');
    status.textContent = '已下载 信用核查与执行反馈统计.csv';
  } catch (error) {
    status.textContent = failureMessage(error);
  }
});

load();
