/*
 * 我的 (account.html): sign-in, who is signed in, and for an entity or a natural person their
 * notifications, records, the objection and repair forms, their objections and repairs with
 * outcomes, and the e-mail address notifications are also sent to.
 */

import { myEntries } from './account-entries.js';
import { objectionForm, repairForm } from './account-forms.js';
import {
  inForce,
  myRecordCard,
  objectionCard,
  personRecordCard,
  recordName,
  repairCard,
  repairedRecordCard,
} from './account-lists.js';
import { myCommitments, myReports } from './account-reports.js';
import { offerQuickSignIn, quickSignInForm, showNextStep } from './account-sign-in.js';
import { getAllPages, siteConfig } from './api.js';
import { currentSession, SignInError, signInWithToken, signOut, startHostedSignIn } from './auth.js';
import { contact } from './contact.js';
import { inbox } from './inbox.js';
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

/**
 * What the page says and reads for each role that files: an entity (行政相对人, by its USCC)
 * or a natural person (自然人本人, by their ID number; their records are never public).
 */
const FILERS = {
  entity: {
    lists: '/v1/entity',
    recordsHeading: '本单位的公示信息',
    noRecords: '本单位目前没有公示中的信息',
    noChoice: '（没有可选择的公示信息）',
    commitment:
      '本单位承诺：已全面履行行政处罚决定规定的义务并完成整改，今后依法诚信经营；所提交材料真实有效，如有虚假，愿承担相应法律责任。',
    card: myRecordCard,
    personal: false,
  },
  person: {
    lists: '/v1/person',
    recordsHeading: '本人的信用记录（不公开）',
    noRecords: '目前没有涉及本人的已公示记录',
    noChoice: '（没有可选择的记录）',
    commitment:
      '本人承诺：已全面履行行政处罚决定规定的义务，今后遵纪守法、诚实守信；所提交材料真实有效，如有虚假，愿承担相应法律责任。',
    card: personRecordCard,
    personal: true,
  },
};

const filer = () => FILERS[currentSession()?.claims.role] ?? FILERS.entity;

/** A resident ID number on screen: its region and last four only, as for anyone looking over a shoulder. */
const maskedId = (id) =>
  typeof id === 'string' && id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : id;

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
  const open = records.filter(inForce);
  const objectable = open.filter((r) => !r.pendingObjection);
  // Only what can be repaired now (the API's standing); the rest is explained beside the form.
  const repairable = open.filter(
    (r) => r.kind === 'penalty' && !r.pendingRepair && r.repair?.eligible !== false,
  );
  for (const [select, choices] of [
    [$('o-record'), objectable],
    [$('r-record'), repairable],
  ]) {
    const chosen = select.value;
    fill(
      select,
      choices.length === 0
        ? h('option', { value: '' }, filer().noChoice)
        : choices.map((r) => h('option', { value: r.id }, `${recordName(r)} ${r.subject.name}`)),
    );
    if (choices.some((r) => r.id === chosen)) select.value = chosen;
    showChosen(select);
  }
  repairGuidance(
    open.filter((r) => r.kind === 'penalty' && !r.pendingRepair),
    repairable,
  );
}

/**
 * Beside the repair form: the materials the chosen penalty's class needs, and each penalty
 * that cannot be repaired now with why and from which date (the API's own standing).
 */
function repairGuidance(penalties, repairable) {
  const select = $('r-record');
  const blocked = penalties.filter((r) => r.repair?.eligible === false);
  const materials = () => {
    const chosen = repairable.find((r) => r.id === select.value);
    fill(
      $('r-materials'),
      chosen?.repair ? chosen.repair.materials.map((m) => h('li', {}, `${m.name}：${m.detail}`)) : [],
    );
  };
  select.onchange = materials;
  materials();
  fill(
    $('r-blocked'),
    blocked.map((r) => h('li', {}, `${recordName(r)}：${r.repair.reason}`)),
  );
  $('r-blocked-area').hidden = blocked.length === 0;
}

/**
 * The chosen option's whole text under its select: on a phone the closed select shows only
 * what fits its width, and a record's name and document number are long.
 */
function showChosen(select) {
  $(`${select.id}-chosen`).textContent = select.selectedOptions[0]?.textContent ?? '';
}

for (const id of ['o-record', 'r-record']) $(id).addEventListener('change', (e) => showChosen(e.target));

/** Chooses a record in a form and takes the user there. */
function choose(selectId, recordId) {
  const select = $(selectId);
  select.value = recordId;
  showChosen(select);
  select.closest('section').scrollIntoView({ block: 'start' });
  select.focus();
}

/** Loads the three lists of the entity or person; each shows its own loading, empty or failed state. */
async function loadEntityData() {
  const who = filer();
  for (const { list, state } of Object.values(lists)) {
    list.replaceChildren();
    showState(state, 'loading', '正在加载…');
  }
  const token = getToken();
  const [records, objections, repairs] = await Promise.allSettled([
    getAllPages(`${who.lists}/records`, { token }),
    getAllPages(`${who.lists}/objections`, { token }),
    getAllPages(`${who.lists}/repairs`, { token }),
  ]);
  if ([records, objections, repairs].some((r) => r.status === 'rejected' && r.reason?.status === 401)) {
    signedOutByServer();
    return;
  }
  const byId = new Map((records.value ?? []).map((r) => [r.id, r]));
  fillList(lists.records, records, who.noRecords, (record) =>
    who.card(record, {
      chooseForObjection: (id) => choose('o-record', id),
      chooseForRepair: (id) => choose('r-record', id),
    }),
  );
  fillRecordChoices(records.value ?? []);
  const personal = { personal: who.personal };
  fillList(lists.objections, objections, '尚未提出异议', (o) =>
    objectionCard(o, byId, { ...personal, getToken }),
  );
  fillList(lists.repairs, repairs, '尚未申请信用修复', (r) => repairCard(r, byId, getToken, personal));
  // A record its repair took out of publication is no longer among the records; it stays in
  // the list, marked 已修复、停止公示.
  const repaired = (repairs.value ?? []).filter((r) => r.status === 'approved' && !byId.has(r.recordId));
  if (records.status === 'fulfilled') lists.records.list.append(...repaired.map(repairedRecordCard));
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
        claims.idNumber
          ? ['身份证号码', maskedId(claims.idNumber)]
          : [claims.agency ? '机关统一社会信用代码' : '统一社会信用代码', code],
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
  showNextStep(claims.role);
  const files = Object.hasOwn(FILERS, claims.role);
  $('session-note').hidden = files;
  $('entity-area').hidden = !files;
  if (!files) return;
  const who = FILERS[claims.role];
  $('my-records-heading').textContent = who.recordsHeading;
  // The default too, so the form's reset after a filing keeps the filer's own wording.
  $('r-commitment').defaultValue = who.commitment;
  $('r-commitment').value = who.commitment;
  loadEntityData();
  const signedIn = { getToken, onSignedOut: signedOutByServer };
  inbox($('inbox-area'), signedIn);
  // Lists are of entities by USCC here; a person reads an entry about them by its number.
  const entity = claims.role === 'entity';
  for (const id of [
    'lists-area',
    'my-lists-link',
    'reports-area',
    'my-reports-link',
    'commitments-area',
    'my-commitments-link',
  ])
    $(id).hidden = !entity;
  if (entity) {
    myEntries($('lists-area'), signedIn);
    myReports($('reports-area'), { ...signedIn, uscc: claims.uscc });
    myCommitments($('commitments-area'), { ...signedIn, uscc: claims.uscc });
  }
  contact($('contact-area'), signedIn);
}

quickSignInForm(async () => {
  await show('已登录。');
  $('session-heading').focus();
});

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
    if (auth?.mode === 'local') await offerQuickSignIn();
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
