/*
 * 确认通知邮箱 (contact-confirm.html?token=…): the page the confirmation mail links to. It sends
 * the token once (POST /v1/contact/confirmation, no sign-in: the token itself proves the
 * mailbox) and says in Chinese whether the address is now confirmed.
 */

import { postJson } from './api.js';
import { startPage } from './page.js';
import { failureMessage, fill, h, showState, stateKindOf } from './ui.js';

const state = document.getElementById('confirm-state');
const result = document.getElementById('confirm-result');
const token = new URLSearchParams(location.search).get('token') ?? '';

const accountLink = () => h('p', {}, h('a', { href: 'account.html' }, '前往“我的”查看通知与通知邮箱'));

async function confirmAddress() {
  result.replaceChildren();
  showState(state, 'loading', '正在确认邮箱…');
  try {
    const answer = await postJson('/v1/contact/confirmation', { token });
    // The token is spent: take it out of the address bar and the history.
    history.replaceState(null, '', location.pathname);
    showState(state, 'done', '邮箱已确认');
    fill(result, h('p', {}, `今后的通知将发送到 ${answer.email}。`), accountLink());
  } catch (error) {
    // A refused token will not do on a retry; an outage or a lost connection may.
    const refused = error?.name === 'ApiError' && error.status < 500;
    // A malformed token is refused as a field of the request: its own message says more.
    const message = error?.fieldErrors?.[0]?.message ?? failureMessage(error);
    showState(state, stateKindOf(error), message, refused ? undefined : confirmAddress);
    if (refused)
      fill(
        result,
        h(
          'p',
          { class: 'hint' },
          '确认链接可能已过期或已使用过。可登录后在“我的”或工作台重新登记邮箱，系统将再发送一封确认邮件。',
        ),
        accountLink(),
      );
  }
}

await startPage();
if (token) confirmAddress();
else {
  showState(state, 'empty', '链接中没有确认码。请从确认邮件中的链接打开本页。');
  fill(result, accountLink());
}
