/*
 * 通知 (the signed-in party's inbox, GET /v1/inbox): shared by 我的, the agency's 工作台 and the
 * credit office's home. Newest first; an unread item says 未读 in words (not by colour alone)
 * and has its own 标为已读 button; the heading counts the unread; 加载更多 follows the cursor.
 */

import { getJson, postJson } from './api.js';
import { labelOf } from './labels.js';
import { failureMessage, fill, formatInstant, h, showState, stateKindOf } from './ui.js';
import { EVENT_TYPE_LABELS } from './words.js';

const PAGE_SIZE = 20;

/**
 * A notification's link is a page of this site ("account.html", "workbench-objections.html#…");
 * anything else (another origin, javascript:) is not made a link.
 */
const sitePath = (link) =>
  typeof link === 'string' && /^[a-z0-9-]+\.html(?:[?#][^\s]*)?$/i.test(link) ? link : undefined;

/**
 * Renders the inbox into `mount` and loads its first page. options: getToken() → the bearer
 * token; onSignedOut() when the API refuses it (401). Answers { reload }.
 */
export function inbox(mount, { getToken, onSignedOut }) {
  const heading = h('h2', { id: 'inbox-heading', tabindex: '-1' }, '通知');
  const state = h('div', { id: 'inbox-state', class: 'state', role: 'status', 'aria-live': 'polite' });
  const list = h('ol', { id: 'inbox-items', class: 'cards inbox-items' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, '加载更多');
  fill(
    mount,
    h(
      'section',
      { class: 'panel inbox', 'aria-labelledby': 'inbox-heading' },
      heading,
      state,
      list,
      h('div', { class: 'actions' }, more),
    ),
  );
  let cursor;
  let unread = 0;
  let generation = 0; // a reload wins over a page still on its way

  function showUnread() {
    fill(
      heading,
      '通知',
      h('span', { class: 'count', 'data-unread': String(unread) }, `（未读 ${unread} 条）`),
    );
  }

  function failed(error, retry) {
    if (error?.name === 'ApiError' && error.status === 401) {
      onSignedOut?.();
      return;
    }
    showState(state, stateKindOf(error), failureMessage(error), retry);
  }

  async function loadPage({ first }) {
    const mine = first ? ++generation : generation;
    if (first) {
      cursor = undefined;
      list.replaceChildren();
    }
    more.hidden = true;
    list.setAttribute('aria-busy', 'true');
    showState(state, 'loading', '正在加载通知…');
    try {
      const answer = await getJson('/v1/inbox', {
        token: getToken(),
        query: { limit: PAGE_SIZE, cursor },
      });
      if (mine !== generation) return;
      unread = answer.unread;
      showUnread();
      const items = answer.items.map(itemCard);
      list.append(...items);
      cursor = answer.cursor;
      more.hidden = !cursor;
      const count = list.children.length;
      if (count === 0) showState(state, 'empty', '暂无通知');
      else showState(state, 'done', `已显示 ${count} 条${cursor ? '，还有更早的通知' : ''}`);
      // After 加载更多 the keyboard continues at the first of the newly shown items.
      if (!first) items[0]?.querySelector('h3')?.focus();
    } catch (error) {
      if (mine === generation) failed(error, () => loadPage({ first }));
    } finally {
      if (mine === generation) list.removeAttribute('aria-busy');
    }
  }

  function itemCard(item) {
    const titleId = `inbox-${item.id}-title`;
    const status = h('p', { class: 'form-status', role: 'status' });
    const path = sitePath(item.link);
    const card = h(
      'li',
      { class: `card inbox-item${item.read ? '' : ' unread'}`, dataset: { notificationId: item.id } },
      h(
        'p',
        { class: 'badges' },
        item.read
          ? h('span', { class: 'badge' }, '已读')
          : h('span', { class: 'badge pending', 'data-unread-badge': '' }, '未读'),
        h('span', { class: 'badge' }, labelOf(EVENT_TYPE_LABELS, item.type)),
      ),
      h('h3', { id: titleId, tabindex: '-1' }, item.title),
      h('p', { class: 'hint' }, h('time', { datetime: item.at }, `${formatInstant(item.at)}（北京时间）`)),
      (item.lines ?? []).map((line) => h('p', { class: 'inbox-line' }, line)),
      item.basis ? h('p', { class: 'inbox-basis' }, `依据：${item.basis}`) : undefined,
      path ? h('p', {}, h('a', { href: path, 'aria-describedby': titleId }, '查看详情')) : undefined,
      item.read
        ? undefined
        : h(
            'div',
            { class: 'card-actions' },
            h(
              'button',
              {
                type: 'button',
                class: 'secondary small',
                'aria-describedby': titleId,
                onclick: () => markRead(item, card, status),
              },
              '标为已读',
            ),
          ),
      status,
    );
    return card;
  }

  async function markRead(item, card, status) {
    const button = card.querySelector('.card-actions button');
    if (button) button.disabled = true;
    try {
      const read = await postJson(`/v1/inbox/${encodeURIComponent(item.id)}/read`, undefined, {
        token: getToken(),
      });
      const fresh = itemCard(read);
      card.replaceWith(fresh);
      if (!item.read) unread = Math.max(0, unread - 1);
      showUnread();
      // The button is gone: the keyboard stays on the item it read, which says 已读.
      fresh.querySelector('h3')?.focus();
      fresh.querySelector('[role="status"]').textContent = `已标为已读，还有 ${unread} 条未读。`;
    } catch (error) {
      if (button) button.disabled = false;
      if (error?.name === 'ApiError' && error.status === 401) onSignedOut?.();
      else {
        status.className = 'field-error'; // a refusal reads as one, not as the green 已完成
        status.textContent = failureMessage(error);
      }
    }
  }

  more.addEventListener('click', () => loadPage({ first: false }));
  loadPage({ first: true });
  return { reload: () => loadPage({ first: true }) };
}
