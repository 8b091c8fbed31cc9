/*
 * 工作台 (workbench.html): an agency's home page. Counts and the first items of what it must
 * do, each with its deadline as the API computed it from the working calendar; below them the
 * agency's notifications and the address they are also mailed to.
 */

import { getJson } from './api.js';
import { labelOf } from './labels.js';
import { startPage } from './page.js';
import { deadlineBadge, handleSignedOut, requireStaff } from './staff.js';
import { staffNotifications } from './staff-notifications.js';
import { failureMessage, fill, formatInstant, h, showState, stateKindOf } from './ui.js';
import { KIND_LABELS } from './words.js';

const $ = (id) => document.getElementById(id);

/** The lists of the home page: the API's name, heading, what an item links to, the full list. */
const SECTIONS = [
  { key: 'overdue', heading: '已逾期未公示', link: 'record', all: 'workbench-record.html' },
  { key: 'dueSoon', heading: '一个工作日内到期', link: 'record', all: 'workbench-record.html' },
  { key: 'registered', heading: '已登记未公示', link: 'record', all: 'workbench-record.html' },
  { key: 'objections', heading: '待处理的异议', link: 'objection', all: 'workbench-objections.html' },
  { key: 'repairs', heading: '待决定的信用修复申请', link: 'repair', all: 'workbench-repairs.html' },
];

const hrefOf = (link, item) =>
  link === 'record'
    ? `workbench-record.html?id=${encodeURIComponent(item.id)}`
    : link === 'objection'
      ? `workbench-objections.html#${encodeURIComponent(item.id)}`
      : `workbench-repairs.html#${encodeURIComponent(item.id)}`;

function itemRow(section, item) {
  const { record } = item;
  const title = `${labelOf(KIND_LABELS, record.kind)} ${record.documentNumber}`;
  return h(
    'li',
    { class: 'worklist-item', dataset: { id: item.id } },
    h('a', { href: hrefOf(section.link, item) }, title),
    h('span', { class: 'hint' }, `　${record.subjectName}`),
    item.accepted === undefined
      ? undefined
      : h('span', { class: 'tag' }, item.accepted ? '已受理' : '待受理'),
    h('br'),
    deadlineBadge(item.deadline),
    h(
      'span',
      { class: 'hint' },
      `　${section.link === 'record' ? '登记于' : '提出于'} ${formatInstant(item.since)}`,
    ),
  );
}

const countText = ({ count, more }) => (more ? `${count}+` : String(count));

function sectionBlock(section, data) {
  const id = `wb-${section.key}`;
  return h(
    'section',
    { class: 'panel worklist', 'aria-labelledby': `${id}-h`, dataset: { section: section.key } },
    h(
      'h2',
      { id: `${id}-h` },
      section.heading,
      ' ',
      h('span', { class: 'count', 'data-count': '' }, countText(data)),
    ),
    section.note ? h('p', { class: 'hint' }, section.note) : undefined,
    data.items.length === 0
      ? h('p', { class: 'hint' }, '暂无')
      : h(
          'ul',
          { class: 'worklist-items' },
          data.items.map((item) => (section.row ? section.row(item) : itemRow(section, item))),
        ),
    data.more && section.all ? h('p', {}, h('a', { href: section.all }, '查看全部')) : undefined,
  );
}

/**
 * Records the city's credit platform refused as invalid, with its reason: the agency corrects
 * the record, and the corrected record is sent again by itself. Listed only when there are any.
 */
const REFUSED = {
  key: 'upstreamRefused',
  heading: '被市公共信用信息平台退回',
  note: '按平台的理由更正记录后，系统会自动重新报送。',
  row: (item) =>
    h(
      'li',
      { class: 'worklist-item', dataset: { id: item.recordId } },
      h('a', { href: `workbench-record.html?id=${encodeURIComponent(item.recordId)}` }, item.recordId),
      h('br'),
      h('span', {}, `退回理由：${item.reason}`),
      item.field ? h('span', { class: 'hint' }, `（字段 ${item.field}）`) : undefined,
      h('span', { class: 'hint' }, `　${formatInstant(item.at)}`),
    ),
};

async function load() {
  const session = currentAgency();
  if (!session) return;
  const state = $('wb-state');
  showState(state, 'loading', '正在加载…');
  try {
    const worklist = await getJson('/v1/agency/worklist', { token: session.token });
    state.replaceChildren();
    delete state.dataset.kind;
    fill(
      $('wb-lists'),
      h('p', { class: 'hint' }, `今日 ${worklist.today}`),
      SECTIONS.map((s) => sectionBlock(s, worklist[s.key])),
      worklist.upstreamRefused?.count ? sectionBlock(REFUSED, worklist.upstreamRefused) : undefined,
    );
  } catch (error) {
    if (handleSignedOut(error)) return;
    showState(state, stateKindOf(error), failureMessage(error), load);
  }
}

/** An admin gets a link to the credit office's pages; anyone else is asked to sign in. */
const currentAgency = () => requireStaff('agency', $('main'));

await startPage();
// Anyone but an agency clerk has been told what to do instead (requireStaff) and reads no further.
const agency = currentAgency();
if (agency) {
  load();
  staffNotifications(agency, { inboxMount: $('wb-inbox'), contactMount: $('wb-contact') });
}
