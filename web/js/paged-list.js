/*
 * A list that pages through the API with its opaque `cursor`: each answer hands the cursor of
 * the next page, so the list remembers the cursors it has seen to go back (上一页) as well as
 * forward (下一页). It owns the list's visible states: loading, empty, failed (with 重试).
 */

import { ApiError } from './api.js';
import { failureMessage, showState, stateKindOf } from './ui.js';

/**
 * Empty answers with a cursor the list follows by itself before it shows a page: the API may
 * answer an empty page when the records it walked were not to be shown, and a visitor must
 * not be told 没有找到 while results still follow. Past this many, 下一页 lets them go on.
 */
const MAX_EMPTY_FOLLOWS = 20;

/** The first answer from `cursor` on that has items, or the last one (no cursor, or the cap). */
async function firstWithItems(fetchPage, cursor, isCurrent) {
  let answer = await fetchPage(cursor);
  for (
    let follows = 0;
    answer.items.length === 0 && answer.cursor && follows < MAX_EMPTY_FOLLOWS;
    follows++
  ) {
    if (!isCurrent()) break;
    answer = await fetchPage(answer.cursor);
  }
  return answer;
}

/**
 * parts: { list, state, prev, next, heading } elements of the page.
 * fetchPage(cursor) → { items, cursor }; renderItem(item) → <li>;
 * onFieldErrors(error) → true when it showed the error beside the form's fields.
 */
export function pagedList(parts, { fetchPage, renderItem, emptyText, onFieldErrors, onPage }) {
  const { list, state, prev, next, heading } = parts;
  let cursors = [undefined]; // cursors[i] fetches page i
  let page = 0;
  let total; // { total, totalCapped } from the first page's answer, kept while paging
  let generation = 0; // a newer search wins over an older answer still on its way

  async function show(index, { focus = false } = {}) {
    const mine = ++generation;
    list.replaceChildren();
    list.setAttribute('aria-busy', 'true');
    prev.hidden = true;
    next.hidden = true;
    showState(state, 'loading', '正在加载…');
    try {
      const answer = await firstWithItems(fetchPage, cursors[index], () => mine === generation);
      if (mine !== generation) return;
      page = index;
      cursors = cursors.slice(0, index + 1);
      if (answer.cursor) cursors.push(answer.cursor);
      if (answer.total !== undefined) total = { total: answer.total, capped: answer.totalCapped };
      onPage?.(index, cursors);
      list.append(...answer.items.map(renderItem));
      // Empty with a cursor only after MAX_EMPTY_FOLLOWS pages of nothing: more may follow.
      if (answer.items.length === 0 && answer.cursor)
        showState(state, 'empty', '已查找多页，暂未找到，可点“下一页”继续查找');
      else if (answer.items.length === 0)
        showState(state, 'empty', index === 0 ? emptyText : '没有更多了，这已是最后一页');
      else showState(state, 'done', `${countText(total)}第 ${index + 1} 页，本页 ${answer.items.length} 条`);
      prev.hidden = index === 0;
      next.hidden = !answer.cursor;
      if (focus) heading.focus();
    } catch (error) {
      if (mine !== generation) return;
      if (error instanceof ApiError && error.fieldErrors.length > 0 && onFieldErrors?.(error)) {
        showState(state, 'error', '查询条件有误，请按提示修改后再查询。');
      } else {
        showState(state, stateKindOf(error), failureMessage(error), () => show(index, { focus }));
      }
    } finally {
      if (mine === generation) list.removeAttribute('aria-busy');
    }
  }

  // Moving between pages puts focus on the list's heading, so keyboard and screen-reader
  // users continue from the top of the new page rather than from a button that moved.
  prev.addEventListener('click', () => show(page - 1, { focus: true }));
  next.addEventListener('click', () => show(page + 1, { focus: true }));

  return {
    /** Starts again from the first page (a new search). */
    restart() {
      cursors = [undefined];
      total = undefined;
      return show(0);
    },
    /** Opens page `index` of a search whose cursors up to it are known (a reload, 后退). */
    resume(index, known, count) {
      cursors = known.slice(0, index + 1);
      total = count;
      return show(index);
    },
    /** The count the first page gave, to keep it with the page in the address. */
    count: () => total,
  };
}

/** 共 1,234 条， / 共 1,000+ 条，: the API's count, exact up to its cap. */
function countText(count) {
  if (!count) return '';
  return `共 ${count.total.toLocaleString('en-US')}${count.capped ? '+' : ''} 条，`;
}
