/*
 * 记录详情 (record.html?id=…): every public field of one record, its objection label, its
 * version history and its permanent link. A decision revoked while it was shown answers a
 * revocation notice instead (行政处罚法 第48条: 公开说明理由), which the page states: 已撤销, the
 * revoking decision's date and document number, and why. A record that is not (or no longer)
 * public answers 404, and the page says so in plain words.
 */

import { ApiError, getJson } from './api.js';
import { changedFieldLabel, labelOf } from './labels.js';
import { startPage } from './page.js';
import { agencySearchHref, agencyText, detailRows, entityHref, kindLabel, recordBadges } from './records.js';
import {
  clearState,
  failureMessage,
  fieldList,
  fill,
  formatInstant,
  h,
  showState,
  stateKindOf,
} from './ui.js';
import {
  CAP_START_LABELS,
  PUBLIC_SUBJECT_FIELDS,
  PUBLICATION_END_LABELS,
  RECORD_FIELDS,
  SUBJECT_CATEGORY_LABELS,
} from './words.js';

const title = document.getElementById('page-title');
const state = document.getElementById('record-state');
const container = document.getElementById('record');
const id = new URLSearchParams(location.search).get('id') ?? '';

const NOT_FOUND = '该信息不存在或已不再公示';

async function load() {
  container.replaceChildren();
  showState(state, 'loading', '正在加载…');
  try {
    if (!id) throw new ApiError(404);
    render(await getJson(`/v1/disclosures/${encodeURIComponent(id)}`));
    clearState(state);
  } catch (error) {
    // A malformed id (400) is as unknown as a missing one (404).
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      title.textContent = NOT_FOUND;
      document.title = `${NOT_FOUND} - 济阳区信用信息公示`;
      showState(state, 'empty', '该信息可能已被撤销、已修复或公示期已满。');
      container.replaceChildren(h('p', {}, h('a', { href: './' }, '返回公示信息查询')));
    } else {
      showState(state, stateKindOf(error), failureMessage(error), load);
    }
  }
}

function render(record) {
  if (record.status === 'revoked') return renderRevoked(record);
  title.textContent = record.subject.name;
  document.title = `${record.subject.name} ${kindLabel(record)} - 济阳区信用信息公示`;
  fill(
    container,
    recordBadges(record),
    record.objection?.status === 'pending'
      ? h(
          'p',
          { class: 'notice' },
          `行政相对人已于 ${formatInstant(record.objection.filedAt)} 对该信息提出异议，决定机关正在核查处理。`,
        )
      : null,
    section('基本信息', basicRows(record)),
    section('行政相对人', subjectRows(record.subject)),
    section(`${kindLabel(record)}信息`, detailRows(record)),
    history(record),
    permalink(record),
  );
}

/** A revoked decision: that it was revoked, by which decision and why, and what it was. */
function renderRevoked(record) {
  const { revocation } = record;
  title.textContent = `${record.subject.name}（已撤销）`;
  document.title = `${record.subject.name} ${kindLabel(record)}（已撤销） - 济阳区信用信息公示`;
  fill(
    container,
    h(
      'p',
      { class: 'badges' },
      h('span', { class: 'badge' }, kindLabel(record)),
      h('span', { class: 'badge bad' }, '已撤销'),
    ),
    h(
      'p',
      { class: 'notice revocation' },
      `该${kindLabel(record)}决定已于 ${revocation.decisionDate} 被撤销，原公示信息已撤回，不再公示。`,
    ),
    section('撤销说明', [
      ['状态', '已撤销'],
      ['撤销决定日期', revocation.decisionDate],
      ['撤销决定文书号', revocation.documentNumber],
      ['撤销理由', revocation.reason],
      ['撤回公示时间', formatInstant(revocation.revokedAt)],
    ]),
    section('被撤销的决定', [
      [RECORD_FIELDS.documentNumber, record.documentNumber],
      [RECORD_FIELDS.kind, kindLabel(record)],
      [RECORD_FIELDS.decisionDate, record.decisionDate],
      ['决定机关', h('a', { href: agencySearchHref(record.authority.uscc) }, agencyText(record.authority))],
    ]),
    section('行政相对人', subjectRows(record.subject)),
    permalink(record),
  );
}

function section(heading, rows) {
  return h('section', {}, h('h2', {}, heading), fieldList(rows));
}

function basicRows(record) {
  const agency = record.authority.uscc;
  return [
    [RECORD_FIELDS.documentNumber, record.documentNumber],
    [RECORD_FIELDS.kind, kindLabel(record)],
    [RECORD_FIELDS.decisionDate, record.decisionDate],
    ['决定机关', h('a', { href: agencySearchHref(agency) }, agencyText(record.authority))],
    ['公示时间', formatInstant(record.publishedAt)],
    ...timelinessRows(record),
    ['公示截止日期', record.publicationEndsOn],
    ...periodRows(record.publicationPeriod),
    ['当前版本', `版本 ${record.version}`],
    ['异议状态', record.objection?.status === 'pending' ? '异议处理中' : '无'],
    [RECORD_FIELDS.remarks, record.remarks],
  ];
}

/**
 * The legal deadline (决定日期 + 7 个工作日, from the working calendar) and whether the record
 * met it: the API computes both; the page says them in words.
 */
function timelinessRows(record) {
  const deadline = record.disclosureDeadline;
  if (!deadline) return [];
  const publication = record.publication;
  return [
    [
      '法定公示期限',
      `决定日期 ${record.decisionDate} + ${deadline.workingDays} 个工作日 = ${deadline.due}` +
        (deadline.provisional ? '（期限所在年度的放假安排尚未公布：按法定节假日及补假计算，未含调休）' : ''),
    ],
    [
      '公示时效',
      publication
        ? h(
            'span',
            { class: `badge ${publication.onTime ? 'ok' : 'bad'}` },
            publication.onTime ? '按时公示' : `逾期 ${publication.workingDaysLate} 个工作日公示`,
          )
        : undefined,
    ],
  ];
}

/** Where a penalty's period comes from: the regime, the rule that set its end, the cap's start. */
function periodRows(period) {
  if (!period) return [];
  return [
    ['公示期限依据', period.basis],
    [
      '截止日期的确定',
      `${labelOf(PUBLICATION_END_LABELS, period.endsBy)}；${labelOf(CAP_START_LABELS, period.capFrom)}`,
    ],
    ['可申请信用修复', period.repairFrom ? `${period.repairFrom} 起` : '不适用'],
  ];
}

function subjectRows(subject) {
  return Object.entries(PUBLIC_SUBJECT_FIELDS).map(([key, label]) => {
    const value = subject[key];
    if (key === 'category') return [label, labelOf(SUBJECT_CATEGORY_LABELS, value)];
    if (key === 'uscc' && value) return [label, h('a', { href: entityHref(value) }, value)];
    return [label, value];
  });
}

/** Every correction since first publication: version, when, why and which fields. */
function history(record) {
  const entries = [...(record.history ?? [])].sort((a, b) => b.version - a.version);
  const body =
    entries.length === 0
      ? h('p', {}, `该信息公示后未经更正，当前为版本 ${record.version}。`)
      : h(
          'div',
          { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': '版本历史' },
          h(
            'table',
            {},
            h('caption', {}, `共 ${entries.length} 次更正，当前为版本 ${record.version}`),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['版本', '更正时间', '更正原因', '更正的内容'].map((t) => h('th', { scope: 'col' }, t)),
              ),
            ),
            h(
              'tbody',
              {},
              entries.map((entry) =>
                h(
                  'tr',
                  {},
                  h('td', {}, `版本 ${entry.version}`),
                  h('td', {}, formatInstant(entry.at)),
                  h('td', {}, entry.reason),
                  h('td', {}, entry.changedFields.map(changedFieldLabel).join('、')),
                ),
              ),
            ),
          ),
        );
  return h('section', {}, h('h2', {}, '版本历史'), body);
}

/** The page's own address, the one to cite: it always shows the current public version. */
function permalink(record) {
  const url = `${location.origin}${location.pathname}?id=${encodeURIComponent(record.id)}`;
  return h(
    'section',
    {},
    h('h2', {}, '永久链接'),
    h('p', { class: 'permalink' }, h('a', { href: url }, url)),
  );
}

await startPage();
load();
