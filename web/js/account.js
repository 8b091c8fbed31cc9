/*
 * 我的 (account.html): sign-in, who is signed in, and for an entity its records, the
 * objection and repair forms, and its objections and repairs with their outcomes.
 */

import { objectionForm, repairForm } from './account-forms.js';
import { myRecordCard, objectionCard, recordName, repairCard } from './account-lists.js';
import { getAllPages, siteConfig } from './api.js';
import { currentSession, SignInError, signInWithToken, signOut, startHostedSignIn } from './auth.js';
import { labelOf } from './labels.js';
import { startPage } from './page.js';
import {
  clearFormErrors,
  failureMessage,
  fieldList,
  fill,
  formatInstant,
  h,
  showFormErrors,
  showState,
  stateKindOf,
} from './ui.js';
import { ROLE_LABELS } from './words.js';

const $ = (id) => document.getElementById(id);
const pageState = $('account-state');

const getToken = () => currentSession()?.token;

/** A token the API refuses (401) is as good as none: forget it and ask for another. */
function signedOutByServer() {
  signOut().then(() => show('登录已失效或令牌无效，请重新登录。'));
}

const lists = {
  records: { list: $('my-records'), state: $('my-records-state') },
  objections: { list: $('my-objections'), state: $('my-objections-state') },
  repairs: { list: $('my-repairs'), state: $('my-repairs-state') },
};

function fillRecordChoices(records) {
  const objectable = records.filter((r) => !r.pendingObjection);
  const repairable = records.filter((r) => r.kind === 'penalty' && !r.pendingRepair);
  for (const [select, choices] of [
    [$('o-record'), objectable],
    [$('r-record'), repairable],
  ]) {
    const chosen = select.value;
    fill(
      select,
      choices.length === 0
        ? h('option', { value: '' }, '（没有可选择的公示信息）')
        : choices.map((r) => h('option', { value: r.id }, `${recordName(r)} ${r.subject.name}`)),
    );
    if (choices.some((r) => r.id === chosen)) select.value = chosen;
  }
}

/** Chooses a record in a form and takes the user there. */
function choose(selectId, recordId) {
  const select = $(selectId);
  select.value = recordId;
  select.closest('section').scrollIntoView({ block: 'start' });
  select.focus();
}

/** Loads the three lists of the entity; each shows its own loading, empty or failed state. */
async function loadEntityData() {
  for (const { list, state } of Object.values(lists)) {
    list.replaceChildren();
    showState(state, 'loading', '正在加载…');
  }
  const token = getToken();
  const [records, objections, repairs] = await Promise.allSettled([
    getAllPages('/v1/entity/records', { token }),
    getAllPages('/v1/entity/objections', { token }),
    getAllPages('/v1/entity/repairs', { token }),
  ]);
  if ([records, objections, repairs].some((r) => r.status === 'rejected' && r.reason?.status === 401)) {
    signedOutByServer();
    return;
  }
  const byId = new Map((records.value ?? []).map((r) => [r.id, r]));
  fillList(lists.records, records, '本单位目前没有公示中的信息', (record) =>
    myRecordCard(record, {
      chooseForObjection: (id) => choose('o-record', id),
      chooseForRepair: (id) => choose('r-record', id),
    }),
  );
  fillRecordChoices(records.value ?? []);
  fillList(lists.objections, objections, '尚未提出异议', (o) => objectionCard(o, byId));
  fillList(lists.repairs, repairs, '尚未申请信用修复', (r) => repairCard(r, byId, getToken));
}

function fillList({ list, state }, settled, emptyText, render) {
  if (settled.status === 'rejected') {
    showState(state, stateKindOf(settled.reason), failureMessage(settled.reason), loadEntityData);
    return;
  }
  list.replaceChildren(...settled.value.map(render));
  if (settled.value.length === 0) showState(state, 'empty', emptyText);
  else showState(state, 'done', `共 ${settled.value.length} 项`);
}

function showSession({ claims }) {
  const code = claims.uscc ?? claims.agency;
  $('session-fields').replaceWith(
    Object.assign(
      fieldList([
        ['角色', labelOf(ROLE_LABELS, claims.role)],
        [claims.agency ? '机关统一社会信用代码' : '统一社会信用代码', code],
        [
          '有效期至',
          typeof claims.exp === 'number'
            ? formatInstant(new Date(claims.exp * 1000).toISOString())
            : undefined,
        ],
      ]),
      { id: 'session-fields' },
    ),
  );
  const isEntity = claims.role === 'entity';
  $('session-note').hidden = isEntity;
  $('entity-area').hidden = !isEntity;
  if (isEntity) loadEntityData();
}

/** Shows the page for the current session (or the sign-in form), with an optional message. */
async function show(message) {
  const session = currentSession();
  $('signin').hidden = Boolean(session);
  $('session').hidden = !session;
  $('entity-area').hidden = true;
  if (message) showState(pageState, 'empty', message);
  if (session) {
    showSession(session);
    return;
  }
  try {
    const { auth } = await siteConfig();
    $('signin-local').hidden = auth?.mode !== 'local';
    $('signin-cognito').hidden = auth?.mode !== 'cognito';
  } catch (error) {
    showState(pageState, stateKindOf(error), failureMessage(error), () => show());
  }
}

$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  clearFormErrors(form);
  try {
    signInWithToken(form.elements.namedItem('token').value);
    form.reset();
    show('已登录。');
    $('session-heading').focus();
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    showFormErrors(form, { fieldErrors: [{ field: 'token', message: error.message }] });
  }
});

$('hosted-signin').addEventListener('click', () => startHostedSignIn(location.href));

$('sign-out').addEventListener('click', async () => {
  await signOut();
  show('已退出登录，访问令牌已从本页清除。');
  $('signin-heading').focus();
});

const formOptions = {
  getToken,
  onFiled: () => loadEntityData(),
  onSignedOut: signedOutByServer,
};
objectionForm($('objection-form'), formOptions);
repairForm($('repair-form'), formOptions);

for (const id of ['session-heading', 'signin-heading']) $(id).setAttribute('tabindex', '-1');

await startPage();
show();
