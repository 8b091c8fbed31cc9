/*
 * 信用修复指引 (repair-guide.html): the periods and materials come from words.js, generated
 * from the policy tables (shared/domain/policy), so the guidance says what the API enforces.
 */

import { startPage } from './page.js';
import { h } from './ui.js';
import { REPAIR_GUIDE } from './words.js';

const $ = (id) => document.getElementById(id);
const severities = Object.entries(REPAIR_GUIDE.severities);

function periods() {
  // A wide table scrolls inside its own region at 390 px; the region takes focus to scroll by keyboard.
  const scroller = $('guide-periods').parentElement;
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', '公示期限表（可横向滚动）');
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { scope: 'col' }, '适用规定（按处罚决定日期）'),
      severities.map(([, label]) => h('th', { scope: 'col' }, `${label}失信`)),
    ),
  );
  const rows = Object.values(REPAIR_GUIDE.regimes).map((regime) =>
    h(
      'tr',
      {},
      h(
        'th',
        { scope: 'row' },
        `${regime.basis}，${regime.from} 起作出的处罚`,
        regime.sectors ? h('br') : '',
        regime.sectors ?? '',
      ),
      severities.map(([key]) => h('td', {}, regime[key])),
    ),
  );
  $('guide-periods').replaceChildren(head, h('tbody', {}, rows));
}

function materials() {
  $('guide-materials').replaceChildren(
    ...severities.map(([key, label]) =>
      h(
        'section',
        { 'aria-label': `${label}失信` },
        h('h3', {}, `${label}失信行为`),
        h(
          'ul',
          {},
          Object.values(REPAIR_GUIDE.materials[key]).map((m) => h('li', {}, m)),
        ),
      ),
    ),
    h('p', { class: 'hint' }, `依据：${REPAIR_GUIDE.materialsBasis}。`),
  );
  $('steps-decide').textContent =
    `决定机关自收到申请之日起 ${REPAIR_GUIDE.decisionDays} 个工作日内作出决定（${REPAIR_GUIDE.decisionBasis}），结果在“我的”和通知中告知。`;
}

startPage();
periods();
materials();
