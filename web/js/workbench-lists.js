/*
 * 信用名单 (workbench-lists.html, agency): propose a listing (拟列入告知 goes to the entity),
 * and the agency's entries with what each needs now: the listing decision once the party was
 * heard, the decision on an objection or an early-exit application. Every error shows beside
 * its field; every entry reads in words.
 */

import { postJson } from './api.js';
import { startPage } from './page.js';
import { handleSignedOut, requireStaff } from './staff.js';
import { clearFormErrors, fieldList, fill, formatInstant, h, showFormErrors } from './ui.js';
import { loadAll, outcomeForm } from './workbench-queue.js';

const session = requireStaff('agency');
const $ = (id) => document.getElementById(id);

/** A decision on the entry (its listing, an objection, an early exit), posted to `path` under it. */
function decisionForm({ entry, legend, outcomes, path, onDone }) {
  return outcomeForm({
    session,
    // One form per decision of an entry: its path tells them apart in the element ids.
    prefix: `${entry.id}${path.replaceAll('/', '-')}`,
    label: `${legend} ${entry.subject.name}`,
    legend,
    outcomes,
    path: `/v1/lists/entries/${encodeURIComponent(entry.id)}${path}`,
    done: onDone,
  });
}

/** What the entry needs from the agency now, as forms; or why nothing can be done yet. */
function actionsOf(entry, onDone) {
  if (entry.status === 'proposed') {
    const heard = entry.statement || entry.hearingEndedAt || Date.now() >= Date.parse(entry.hearing.dueAt);
    if (!heard)
      return h(
        'p',
        { class: 'hint' },
        `当事人可陈述申辩至 ${entry.hearing.due}；陈述申辩后或期满后可作出决定。`,
      );
    return decisionForm({
      entry,
      legend: '列入决定',
      outcomes: [
        ['list', '决定列入'],
        ['not_list', '决定不予列入'],
      ],
      path: '/decision',
      onDone,
    });
  }
  if (entry.status !== 'listed') return null;
  const pending = (filing) => filing && !filing.decision;
  return [
    pending(entry.objection)
      ? decisionForm({
          entry,
          legend: '名单异议决定',
          outcomes: [
            ['rejected', '异议不成立，维持列入'],
            ['upheld', '异议成立，移出名单'],
          ],
          path: '/objection/decision',
          onDone,
        })
      : null,
    pending(entry.exit)
      ? decisionForm({
          entry,
          legend: '提前移出决定',
          outcomes: [
            ['upheld', '同意提前移出'],
            ['rejected', '不同意提前移出'],
          ],
          path: '/exit/decision',
          onDone,
        })
      : null,
  ];
}

/** An entry with what it needs now; after a decision it is drawn again as it now stands, saying so. */
function entryItem(entry, said = '') {
  const status = h('p', { class: 'queue-status', role: 'status', 'aria-live': 'polite' }, said);
  const forms = h('div', { class: 'queue-forms' });
  const onDone = (after) => {
    const next = entryItem(after, `已作出决定：${after.statusLabel}。`);
    item.replaceWith(next);
    // The form the user was in is gone: focus moves to the entry's heading, its status below it.
    const heading = next.querySelector('h2');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  };
  fill(forms, actionsOf(entry, onDone));
  const filing = (f, what) =>
    f && !f.decision
      ? `${what}（${formatInstant(f.filedAt)} 提出，处理期限 ${f.deadline.due}）：${f.statement}`
      : undefined;
  const item = h(
    'li',
    {
      class: 'panel queue-item',
      id: `item-${entry.id}`,
      'aria-labelledby': `item-${entry.id}-h`,
      dataset: { id: entry.id },
    },
    h('h2', { id: `item-${entry.id}-h` }, `${entry.typeLabel}：${entry.subject.name}`),
    h('p', { class: 'badges' }, h('span', { class: 'badge' }, entry.statusLabel)),
    fieldList([
      ['编号', entry.id],
      ['统一社会信用代码', entry.subject.uscc],
      ['认定依据', entry.basis],
      ['惩戒措施', entry.measures.map((m) => m.label).join('；')],
      ['陈述申辩期限', entry.status === 'proposed' ? entry.hearing.due : undefined],
      ['作出决定期限', entry.status === 'proposed' ? entry.decisionDeadline.due : undefined],
      ['当事人陈述申辩', entry.statement?.text],
      ['列入日期', entry.listedOn],
      ['有效期至', entry.validUntil],
      ['移出日期', entry.removal ? `${entry.removal.on}（${entry.removal.reasonLabel}）` : undefined],
      ['名单异议', filing(entry.objection, '异议')],
      [
        '提前移出申请',
        filing(entry.exit, '申请') &&
          `${filing(entry.exit, '申请')}；信用承诺：${entry.exit.commitment?.text ?? ''}；证明材料 ${entry.exit.evidence.length} 份`,
      ],
    ]),
    status,
    forms,
  );
  return item;
}

const loadEntries = () =>
  loadAll({ session, path: '/v1/agency/lists', render: entryItem, empty: '本机关尚未认定名单条目' });

function proposeForm() {
  const form = $('propose-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const v = (name) => form.elements.namedItem(name).value.trim();
    const body = {
      type: v('type'),
      subject: { category: 'legal_person', name: v('name'), uscc: v('uscc').toUpperCase() },
      basis: v('basis'),
      recordIds: v('records')
        .split(/[\s,，、]+/)
        .filter(Boolean),
      validityMonths: Number(v('validityMonths')),
    };
    try {
      const entry = await postJson('/v1/lists/entries', body, {
        token: session.token,
        idempotencyKey: crypto.randomUUID(),
      });
      form.reset();
      $('propose-status').textContent =
        `已发出拟列入告知（编号 ${entry.id}），陈述申辩期至 ${entry.hearing.due}。`;
      loadEntries();
    } catch (error) {
      if (handleSignedOut(error)) return;
      // A record the API refuses is named by its place (body.recordIds[2]): show it by the list.
      const fieldErrors = error.fieldErrors?.map((e) =>
        e.field?.startsWith('body.recordIds[') ? { ...e, field: 'body.recordIds' } : e,
      );
      showFormErrors(form, fieldErrors ? Object.assign(error, { fieldErrors }) : error);
    }
  });
}

if (session) {
  await startPage();
  proposeForm();
  loadEntries();
}
