/*
 * 通知邮箱 (GET/PUT /v1/contact): shared by 我的, the agency's 工作台 and the credit office's
 * home. Shows the registered address and where it stands, and registers a new one; nothing is
 * mailed to an address until its holder follows the link in the confirmation mail.
 */

import { apiFetch, getJson } from './api.js';
import {
  clearFormErrors,
  clearState,
  failureMessage,
  fieldList,
  fill,
  formatInstant,
  h,
  showFormErrors,
  showState,
  stateKindOf,
} from './ui.js';

const STATUS_TEXT = {
  pending: '待确认',
  confirmed: '已确认',
  suppressed: '已停止发送（退信或投诉）',
};

const STATUS_HINT = {
  pending: '请打开该邮箱，点击确认邮件中的链接；确认前不会向该邮箱发送通知。',
  confirmed: '通知将同时发送到该邮箱。',
  suppressed: '发往该邮箱的邮件被退回或被投诉，已停止发送。可登记其他邮箱。',
};

const isSignedOut = (error) => error?.name === 'ApiError' && error.status === 401;

/**
 * Renders the contact section into `mount` and loads the current address. options:
 * getToken() → the bearer token; onSignedOut() when the API refuses it (401).
 */
export function contact(mount, { getToken, onSignedOut }) {
  const state = h('div', { id: 'contact-state', class: 'state', role: 'status', 'aria-live': 'polite' });
  const current = h('div', { id: 'contact-current' });
  const input = h('input', {
    id: 'contact-email',
    name: 'email',
    type: 'email',
    autocomplete: 'email',
    inputmode: 'email',
    spellcheck: 'false',
    maxlength: '254',
    required: true,
    'data-field': 'body.email',
    'aria-describedby': 'contact-email-hint',
  });
  const formStatus = h('div', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { id: 'contact-form', novalidate: true },
    h('div', { class: 'form-errors', 'aria-live': 'assertive' }),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'contact-email' }, '电子邮箱'),
      input,
      h('p', { id: 'contact-email-hint', class: 'hint' }, '登记或更换后，系统会向该邮箱发送一封确认邮件。'),
    ),
    formStatus,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '登记邮箱')),
  );
  fill(
    mount,
    h(
      'section',
      { class: 'panel contact', 'aria-labelledby': 'contact-heading' },
      h('h2', { id: 'contact-heading' }, '通知邮箱'),
      h('p', { class: 'hint' }, '通知会显示在本页；登记并确认邮箱后，也会发送到该邮箱。'),
      state,
      current,
      form,
    ),
  );

  function showContact(answer) {
    fill(
      current,
      fieldList([
        ['邮箱', answer.email],
        ['状态', STATUS_TEXT[answer.status] ?? answer.status],
        ['登记时间', answer.requestedAt ? formatInstant(answer.requestedAt) : undefined],
        ['确认时间', answer.confirmedAt ? formatInstant(answer.confirmedAt) : undefined],
      ]),
      STATUS_HINT[answer.status] ? h('p', { class: 'hint' }, STATUS_HINT[answer.status]) : undefined,
    );
  }

  async function load() {
    showState(state, 'loading', '正在读取通知邮箱…');
    current.replaceChildren();
    try {
      showContact(await getJson('/v1/contact', { token: getToken() }));
      clearState(state);
    } catch (error) {
      if (isSignedOut(error)) onSignedOut?.();
      else if (error?.code === 'contact_not_found') showState(state, 'empty', '尚未登记通知邮箱');
      else showState(state, stateKindOf(error), failureMessage(error), load);
    }
  }

  /** Every refusal is shown beside the address, the one field there is, and focus goes there. */
  const besideEmail = (error) =>
    error?.fieldErrors?.length > 0
      ? error
      : { fieldErrors: [{ field: 'body.email', message: failureMessage(error) }] };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    formStatus.textContent = '';
    const email = input.value.trim();
    if (!email) {
      showFormErrors(form, { fieldErrors: [{ field: 'body.email', message: '请填写电子邮箱' }] });
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const response = await apiFetch('/v1/contact', { method: 'PUT', body: { email }, token: getToken() });
      const answer = await response.json();
      showContact(answer);
      clearState(state);
      formStatus.textContent =
        response.status === 202
          ? `已发送确认邮件至 ${answer.email}，请点击邮件中的链接完成确认。`
          : `${answer.email} 已确认，无需再次确认。`;
      form.reset();
    } catch (error) {
      if (isSignedOut(error)) onSignedOut?.();
      else showFormErrors(form, besideEmail(error));
    } finally {
      button.disabled = false;
    }
  });

  load();
  return { reload: load };
}
