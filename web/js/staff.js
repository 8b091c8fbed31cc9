/*
 * What every workbench page (agency clerks) and credit-office page shares: who may use it,
 * what it says to anyone else, how a refused token is handled, and how a deadline reads.
 * The deadline itself is computed by the API from the working calendar; the page only words it.
 */

import { currentSession, signOut } from './auth.js';
import { h } from './ui.js';

const ROLE_NAMES = { agency: '行政机关工作人员', admin: '信用管理部门工作人员' };
const HOME = {
  agency: { href: 'workbench.html', text: '前往行政机关工作台' },
  admin: { href: 'office.html', text: '前往信用管理部门页面' },
};

/**
 * The session when the signed-in user has `role` ('agency' or 'admin'); otherwise renders a
 * message (not signed in, or another role, with a link to 我的 to sign in, and for the other
 * staff role a link to its own home) into `target` (default: the page's <main>) and answers
 * undefined. The page then stops.
 */
export function requireStaff(role, target = document.getElementById('main')) {
  const session = currentSession();
  if (session && session.claims.role === role) return session;
  const other = session ? HOME[session.claims.role] : undefined;
  const text = session
    ? `此页面供${ROLE_NAMES[role] ?? '工作人员'}使用，当前登录的账号（${ROLE_NAMES[session.claims.role] ?? '非工作人员'}）不能使用。`
    : `此页面供${ROLE_NAMES[role] ?? '工作人员'}使用，请先登录。`;
  showSignInMessage(target, text, other);
  return undefined;
}

/**
 * Replaces the page's content (all but its <h1>) with `text` and a link to sign in, and
 * optionally another home `{ href, text }`.
 */
export function showSignInMessage(target, text, otherHome) {
  const heading = target.querySelector('h1');
  const message = h(
    'div',
    { class: 'panel staff-guard', role: 'alert', 'data-staff-guard': '' },
    h('p', {}, text),
    h(
      'p',
      {},
      h('a', { href: 'account.html' }, '前往“我的”登录'),
      otherHome ? ['　', h('a', { href: otherHome.href }, otherHome.text)] : undefined,
    ),
  );
  target.replaceChildren(...(heading ? [heading] : []), message);
}

/**
 * For a failed API call: when the API refused the token (401) forgets it and asks the user to
 * sign in again (answers true, the caller stops); otherwise answers false.
 */
export function handleSignedOut(error, target = document.getElementById('main')) {
  if (error?.name !== 'ApiError' || error.status !== 401) return false;
  signOut().finally(() => showSignInMessage(target, '登录已失效，请重新登录。'));
  return true;
}

/**
 * A deadline `{ due: 'YYYY-MM-DD', workingDaysLeft, late }` (as the API answers it) in words:
 * "截止 2027-01-08，剩余 3 个工作日" / "截止 …，今日到期" / "截止 …，已逾期 2 个工作日".
 */
export function deadlineText(deadline) {
  if (!deadline?.due) return '';
  // A deadline without a standing (e.g. from a list that does not compute one): the date alone.
  if (typeof deadline.workingDaysLeft !== 'number') return `截止日期 ${deadline.due}`;
  return `截止日期 ${deadline.due}，${deadlineLeftText(deadline)}`;
}

/** Only the remaining part: "剩余 N 个工作日", "今日到期" or "已逾期 N 个工作日". */
export function deadlineLeftText(deadline) {
  const left = Number(deadline?.workingDaysLeft ?? 0);
  if (deadline?.late) return `已逾期 ${Math.max(1, -left)} 个工作日`;
  if (left <= 0) return '今日到期';
  return `剩余 ${left} 个工作日`;
}

/** A <span> with the deadline's text, marked for the eye (class late / soon) too. */
export function deadlineBadge(deadline) {
  const soon =
    !deadline?.late && typeof deadline?.workingDaysLeft === 'number' && deadline.workingDaysLeft <= 1;
  return h(
    'span',
    { class: `deadline${deadline?.late ? ' late' : soon ? ' soon' : ''}` },
    deadlineText(deadline),
  );
}
