/*
 * How a credit commitment looks, as a card: on an entity's page, in 我的 and on the
 * workbench. One renderer, so a commitment reads the same everywhere; `extra` adds what only
 * its parties see (the verification, the forms).
 */

import { recordHref } from './records.js';
import { formatInstant, h } from './ui.js';

function metaRow(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

const STATUS_CLASS = { in_force: 'badge', kept: 'badge', broken: 'badge pending' };

/** A commitment: its type and 履约状态, what was promised, to whom, and a breach with its record. */
export function commitmentCard(c, { extra = [], headingLevel = 'h3' } = {}) {
  return h(
    'li',
    { class: 'card', dataset: { commitmentId: c.id } },
    h(
      'p',
      { class: 'badges' },
      h('span', { class: 'badge' }, c.typeLabel),
      h('span', { class: STATUS_CLASS[c.status] ?? 'badge' }, c.statusLabel),
    ),
    h(headingLevel, {}, c.matter),
    h(
      'dl',
      { class: 'meta' },
      metaRow('承诺主体', `${c.subject.name}（${c.subject.uscc}）`),
      metaRow('承诺日期', c.madeOn),
      metaRow('承诺受理单位', c.receiver),
      metaRow('有效期至', c.validUntil ?? '长期'),
      c.recordId ? metaRow('所涉记录', h('a', { href: recordHref(c.recordId) }, '查看')) : null,
      c.keptOn ? metaRow('履约确认日期', c.keptOn) : null,
    ),
    h('p', { class: 'summary' }, `承诺内容：${c.text}`),
    c.breach
      ? h(
          'p',
          { class: 'summary' },
          `未履约认定：${c.breach.finding}`,
          c.breach.recordId ? ' ' : null,
          c.breach.recordId ? h('a', { href: recordHref(c.breach.recordId) }, '由此作出的决定') : null,
        )
      : null,
    ...extra,
  );
}

/** Whether and when the receiving agency verified the commitment. */
export function verificationLine(c) {
  const v = c.verification;
  return h(
    'p',
    { class: 'summary' },
    v.at
      ? `受理单位已于 ${formatInstant(v.at)} 核查${v.late ? '（逾期核查）' : ''}：${v.finding ?? ''}`
      : `受理单位核查期限：${v.due}`,
  );
}
