/*
 * 主体页 (entity.html?uscc=…): every public record of one unified social credit code. The
 * form is a plain GET form, so entering another code is an ordinary page load.
 */

import { getJson } from './api.js';
import { commitmentCard } from './commitments.js';
import { entryCard } from './list-entries.js';
import { startPage } from './page.js';
import { pagedList } from './paged-list.js';
import { recordCard } from './records.js';
import { clearFormErrors, failureMessage, fill, showFormErrors, showState, stateKindOf } from './ui.js';

const form = document.getElementById('entity-form');
const title = document.getElementById('page-title');
const state = document.getElementById('records-state');
const uscc = (new URLSearchParams(location.search).get('uscc') ?? '').trim().toUpperCase();
form.elements.namedItem('uscc').value = uscc;

const records = pagedList(
  {
    list: document.getElementById('records'),
    state,
    prev: document.getElementById('prev-page'),
    next: document.getElementById('next-page'),
    heading: document.getElementById('records-heading'),
  },
  {
    fetchPage: async (cursor) => {
      const answer = await getJson('/v1/disclosures', { query: { uscc, limit: 20, cursor } });
      clearFormErrors(form);
      // The subject's name as the latest record gives it (names change; codes do not).
      const name = answer.items[0]?.subject.name;
      if (name && !cursor) {
        title.textContent = `${name}（${uscc}）`;
        document.title = `${name} - 主体公示信息 - 济阳区信用信息公示`;
      }
      return answer;
    },
    renderItem: (record) => recordCard(record, { title: 'document' }),
    emptyText: '该统一社会信用代码下没有公示信息',
    onFieldErrors: (error) => {
      showFormErrors(form, error);
      return true;
    },
  },
);

/** Whether the entity is on a public list now: its listed entries (an entity has few at once). */
async function loadEntries() {
  const listState = document.getElementById('lists-state');
  showState(listState, 'loading', '正在加载…');
  try {
    const answer = await getJson('/v1/lists', { query: { uscc, limit: 100 } });
    fill(
      document.getElementById('list-entries'),
      ...answer.items.map((e) => entryCard(e, { showSubject: false })),
    );
    if (answer.items.length === 0)
      showState(listState, 'empty', '该主体不在严重失信主体名单或重点关注名单中。');
    else {
      listState.replaceChildren();
      delete listState.dataset.kind;
    }
  } catch (error) {
    showState(listState, stateKindOf(error), failureMessage(error), loadEntries);
  }
}

/** The entity's credit commitments (信用承诺公示) and how they were kept, newest first. */
async function loadCommitments() {
  const own = document.getElementById('commitments-state');
  showState(own, 'loading', '正在加载…');
  try {
    const answer = await getJson('/v1/commitments', { query: { uscc, limit: 100 } });
    fill(document.getElementById('commitments'), ...answer.items.map((c) => commitmentCard(c)));
    if (answer.items.length === 0) showState(own, 'empty', '该主体没有公示的信用承诺。');
    else {
      own.replaceChildren();
      delete own.dataset.kind;
    }
  } catch (error) {
    showState(own, stateKindOf(error), failureMessage(error), loadCommitments);
  }
}

await startPage();
if (uscc) {
  records.restart();
  loadEntries();
  loadCommitments();
} else showState(state, 'empty', '请输入统一社会信用代码。');
