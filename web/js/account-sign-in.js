/*
 * The local server's quick sign-in on account.html (local mode only; local/sign-in.ts): pick
 * a role, keep the sample code or type another, 登录. The staff roles are then pointed to
 * their workbench.
 */

import { quickSignInRoles, signInQuickly } from './auth.js';
import { labelOf } from './labels.js';
import { clearFormErrors, h, showFormErrors } from './ui.js';
import { ROLE_LABELS } from './words.js';

const $ = (id) => document.getElementById(id);

/** Where each staff role works once signed in. */
const NEXT_STEPS = {
  agency: { href: 'workbench.html', text: '进入工作台' },
  admin: { href: 'office.html', text: '进入信用管理部门工作台' },
};

export function showNextStep(role) {
  const next = NEXT_STEPS[role];
  $('session-next').hidden = !next;
  if (next) $('session-next').replaceChildren(h('a', { href: next.href }, next.text));
}

/** What the code field asks for, per kind of code the local server names. */
const CODE_FIELDS = {
  uscc: {
    label: '统一社会信用代码',
    hint: '已填入示例代码，可直接登录；换成其他 18 位统一社会信用代码，即以该单位（机关）的身份登录。',
  },
  id: {
    label: '居民身份证号码',
    hint: '已填入虚构的示例号码，可直接登录；也可换成其他 18 位居民身份证号码。',
  },
  none: { label: '代码', hint: '' },
};

let quickRoles = [];

function showQuickRole() {
  const entry = quickRoles.find((r) => r.role === $('quick-role').value);
  const field = CODE_FIELDS[entry?.codeKind ?? 'none'];
  $('quick-code-field').hidden = entry?.codeKind === 'none';
  $('quick-code-label').textContent = field.label;
  $('quick-code-hint').textContent = field.hint;
  $('quick-code').value = entry?.sample ?? '';
}

export async function offerQuickSignIn() {
  quickRoles = await quickSignInRoles().catch(() => []);
  $('quick-form').hidden = quickRoles.length === 0;
  if (quickRoles.length === 0 || $('quick-role').options.length > 0) return;
  $('quick-role').replaceChildren(
    ...quickRoles.map(({ role }) => h('option', { value: role }, labelOf(ROLE_LABELS, role))),
  );
  showQuickRole();
}

/** Wires the quick sign-in form; `onSignedIn` shows the signed-in page. */
export function quickSignInForm(onSignedIn) {
  $('quick-role').addEventListener('change', showQuickRole);
  $('quick-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    clearFormErrors(form);
    try {
      await signInQuickly($('quick-role').value, $('quick-code').value);
      await onSignedIn();
    } catch (error) {
      // An ApiError names its field (role or code); anything else is said in the summary.
      showFormErrors(form, error);
    }
  });
}
