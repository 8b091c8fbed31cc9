/*
 * 开放数据 (open-data.html): the links to the whole register and the change feed, and the
 * daily snapshots from the manifest, each with its row count, size and SHA-256.
 */

import { getJson } from './api.js';
import { startPage } from './page.js';
import { failureMessage, fill, h, showState, stateKindOf } from './ui.js';

const $ = (id) => document.getElementById(id);

const sizeOf = (bytes) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`;

async function loadSnapshots() {
  const state = $('od-state');
  showState(state, 'loading', '正在加载…');
  try {
    const manifest = await getJson('/v1/open-data/manifest');
    if (manifest.snapshots.length === 0) {
      showState(state, 'empty', '尚无快照：每天凌晨生成。');
      return;
    }
    state.replaceChildren();
    delete state.dataset.kind;
    // The digests make the table wide: on a phone it scrolls in its own region, which takes
    // focus so the keyboard scrolls it too (axe: scrollable-region-focusable).
    const scroller = $('od-scroll');
    scroller.tabIndex = 0;
    scroller.setAttribute('role', 'region');
    scroller.setAttribute('aria-label', '每日快照列表（可左右滚动）');
    fill(
      $('od-rows'),
      ...manifest.snapshots.map((s) =>
        h(
          'tr',
          {},
          h('td', {}, h('a', { href: s.url }, s.date)),
          h('td', {}, String(s.rows)),
          h('td', {}, sizeOf(s.bytes)),
          h('td', {}, h('code', { class: 'digest' }, s.sha256)),
        ),
      ),
    );
  } catch (error) {
    showState(state, stateKindOf(error), failureMessage(error), loadSnapshots);
  }
}

await startPage();
loadSnapshots();
