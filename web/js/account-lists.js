/*
 * The signed-in entity's or person's lists on 我的: their records (with what is pending on
 * each), their objections and their repair applications with status and outcome, and the
 * download of an approved repair's decision document. A natural person's records are never
 * public (山东省社会信用条例 第20条), so their cards link to no public page.
 */

import { apiFetch, getJson } from './api.js';
import { filingMaterials } from './evidence.js';
import { labelOf } from './labels.js';
import { agencyText, kindLabel, recordCard, recordHref } from './records.js';
import { failureMessage, formatInstant, h, saveBlob } from './ui.js';
import {
  OBJECTION_EFFECT_LABELS,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_REASON_LABELS,
  OBJECTION_STATUS_LABELS,
  PERSON_RECORD_STATE_LABELS,
  REPAIR_STATUS_LABELS,
} from './words.js';

/** How a record is named in a choice or a heading: kind, document number, date. */
export const recordName = (record) =>
  `${kindLabel(record)} ${record.documentNumber}（${record.decisionDate}）`;

/** Whether a record can still be objected to or repaired: in force (a person's: published). */
export const inForce = (record) => record.state === undefined || record.state === 'published';

/** The badges of what is pending on a record of the signed-in party. */
function pendingBadges(record) {
  return [
    record.pendingObjection
      ? h(
          'span',
          { class: 'badge pending' },
          `已于 ${formatInstant(record.pendingObjection.filedAt)} 提出异议，处理中`,
        )
      : null,
    record.pendingRepair
      ? h(
          'span',
          { class: 'badge pending' },
          `已于 ${formatInstant(record.pendingRepair.filedAt)} 申请信用修复，审核中`,
        )
      : null,
  ];
}

/** The buttons that take the user to the objection or repair form with this record chosen. */
function recordActions(record, { chooseForObjection, chooseForRepair }) {
  if (!inForce(record)) return null;
  const name = recordName(record);
  return h(
    'div',
    { class: 'card-actions' },
    record.pendingObjection
      ? null
      : h(
          'button',
          {
            type: 'button',
            class: 'secondary small',
            'aria-label': `提出异议：${name}`,
            onclick: () => chooseForObjection(record.id),
          },
          '提出异议',
        ),
    repairAction(record, chooseForRepair),
  );
}

/**
 * 申请信用修复 for a penalty that can be repaired now; for any other penalty why not, and from
 * which date (the API's own standing: shared/domain/repairs/eligibility.ts).
 */
function repairAction(record, chooseForRepair) {
  if (record.kind !== 'penalty' || record.pendingRepair) return null;
  const standing = record.repair;
  if (standing && !standing.eligible) {
    return h(
      'p',
      { class: 'hint repair-standing' },
      `信用修复：${standing.reason}`,
      ' ',
      h('a', { href: 'repair-guide.html' }, '修复指引'),
    );
  }
  return h(
    'button',
    {
      type: 'button',
      class: 'secondary small',
      // The visible words first: speech input and axe match the name on them.
      'aria-label': `申请信用修复：${record.documentNumber}`,
      onclick: () => chooseForRepair(record.id),
    },
    '申请信用修复',
  );
}

/** A record of the entity (a public one), with what is pending on it and its actions. */
export function myRecordCard(record, choose) {
  return recordCard(record, {
    title: 'document',
    extra: [h('p', { class: 'badges' }, pendingBadges(record)), recordActions(record, choose)],
  });
}

/**
 * A natural person's own record: not public, so no link to a public page; where it stands,
 * what is pending on it, and, while it is in force, its actions.
 */
export function personRecordCard(record, choose) {
  return h(
    'li',
    { class: 'card', dataset: { recordId: record.id } },
    h(
      'p',
      { class: 'badges' },
      h('span', { class: 'badge' }, kindLabel(record)),
      h(
        'span',
        { class: `badge ${record.state === 'published' ? 'pending' : ''}` },
        labelOf(PERSON_RECORD_STATE_LABELS, record.state),
      ),
      pendingBadges(record),
    ),
    h('h3', {}, recordName(record)),
    rows([
      ['行政相对人', record.subject.name],
      ['决定机关', agencyText(record.authority)],
      ['公示截止期', record.publicationEndsOn],
      ['终止公示时间', record.publicationEnd ? formatInstant(record.publicationEnd.at) : undefined],
      ['撤销理由', record.revocation?.reason],
      ['撤销决定日期', record.revocation?.decisionDate],
      ['撤销决定文书号', record.revocation?.documentNumber],
    ]),
    h('p', { class: 'hint' }, '自然人的信用信息依法不向社会公开，仅本人和有关机关可以查看。'),
    recordActions(record, choose),
  );
}

/**
 * A link to the record an objection or repair is about, named by kind and document number
 * when it is one of the entity's public records; a record no longer public (revoked,
 * repaired) is known here only by its id.
 */
function recordLink(recordId, records, { personal = false, summary, ended = false } = {}) {
  const record = records.get(recordId);
  const named = record ? recordName(record) : summary ? summaryName(summary) : `公示信息 ${recordId}`;
  // A person's record has no public page, and a repaired one none any more: named, not linked.
  if (personal || ended || !record) return named;
  return h('a', { href: recordHref(recordId) }, named);
}

/** A record as its filing remembers it (the summary kept when filed): name and document number. */
const summaryName = (summary) =>
  `${summary.subjectName} ${kindLabel(summary)} ${summary.documentNumber}（${summary.decisionDate}）`;

/**
 * A record the party's repair took out of publication: still theirs to see in 我的, marked
 * 已修复、停止公示, known by what the approved application kept of it.
 */
export function repairedRecordCard(repair) {
  return h(
    'li',
    { class: 'card', dataset: { recordId: repair.recordId } },
    h(
      'p',
      { class: 'badges' },
      h('span', { class: 'badge' }, kindLabel(repair.record)),
      h('span', { class: 'badge ok' }, '已修复、停止公示'),
    ),
    h('h3', {}, summaryName(repair.record)),
    rows([
      ['信用修复申请', repair.id],
      ['修复决定时间', repair.decision ? formatInstant(repair.decision.at) : undefined],
    ]),
  );
}

function rows(pairs) {
  return h(
    'dl',
    { class: 'meta' },
    pairs
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', {}, value))),
  );
}

const due = (deadline) => (deadline ? `${deadline.due}${deadline.provisional ? '（暂定）' : ''}` : undefined);

export function objectionCard(objection, records, { personal = false, getToken } = {}) {
  const decision = objection.decision;
  const badge = decision
    ? h(
        'span',
        { class: `badge ${decision.outcome === 'upheld' ? 'ok' : 'bad'}` },
        labelOf(OBJECTION_OUTCOME_LABELS, decision.outcome),
      )
    : h('span', { class: 'badge pending' }, labelOf(OBJECTION_STATUS_LABELS, objection.status));
  return h(
    'li',
    { class: 'card', dataset: { objectionId: objection.id } },
    h('p', { class: 'badges' }, h('span', { class: 'badge' }, '异议'), badge),
    h('h3', {}, recordLink(objection.recordId, records, { personal, summary: objection.record })),
    rows([
      ['编号', objection.id],
      ['异议事由', labelOf(OBJECTION_REASON_LABELS, objection.reason)],
      ['提出时间', formatInstant(objection.filedAt)],
      ['状态', labelOf(OBJECTION_STATUS_LABELS, objection.status)],
      ['办理期限', decision ? undefined : due(objection.deadline)],
      ['处理结果', decision ? labelOf(OBJECTION_OUTCOME_LABELS, decision.outcome) : undefined],
      ['对公示信息的影响', decision ? labelOf(OBJECTION_EFFECT_LABELS, decision.effect) : undefined],
      ['处理理由', decision?.reason],
      ['处理时间', decision ? formatInstant(decision.at) : undefined],
    ]),
    h('p', { class: 'hint' }, `异议陈述：${objection.statement}`),
    getToken ? filingMaterials('objection', objection, getToken) : null,
  );
}

export function repairCard(repair, records, getToken, { personal = false } = {}) {
  const decision = repair.decision;
  const tone = { approved: 'ok', rejected: 'bad', pending: 'pending' }[repair.status] ?? '';
  return h(
    'li',
    { class: 'card', dataset: { repairId: repair.id } },
    h(
      'p',
      { class: 'badges' },
      h('span', { class: 'badge' }, '信用修复'),
      h('span', { class: `badge ${tone}` }, labelOf(REPAIR_STATUS_LABELS, repair.status)),
    ),
    h(
      'h3',
      {},
      recordLink(repair.recordId, records, {
        personal,
        summary: repair.record,
        ended: repair.status === 'approved',
      }),
    ),
    rows([
      ['编号', repair.id],
      ['申请时间', formatInstant(repair.filedAt)],
      ['状态', labelOf(REPAIR_STATUS_LABELS, repair.status)],
      ['办理期限', decision ? undefined : due(repair.deadline)],
      ['决定理由', decision?.reason],
      ['决定时间', decision ? formatInstant(decision.at) : undefined],
    ]),
    filingMaterials('repair', repair, getToken),
    repair.status === 'approved' ? decisionDocument(repair.id, getToken) : null,
  );
}

/**
 * The decision document needs the bearer token, which a plain link cannot carry: fetch it,
 * save it as a file, and offer it for viewing from a Blob URL.
 */
function decisionDocument(repairId, getToken) {
  const status = h('span', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'small' }, '下载信用修复决定书');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = '正在获取决定书…';
    try {
      const response = await apiFetch(`/v1/repairs/${encodeURIComponent(repairId)}/decision-document`, {
        token: getToken(),
        accept: 'text/html',
        query: { format: 'html' },
      });
      const blob = new Blob([await response.blob()], { type: 'text/html;charset=utf-8' });
      saveBlob(blob, `信用修复决定书-${repairId}.html`);
      const view = h(
        'a',
        { href: URL.createObjectURL(blob), target: '_blank', rel: 'noopener' },
        '在新窗口中查看决定书',
      );
      const issued = await getJson(`/v1/repairs/${encodeURIComponent(repairId)}/decision-document`, {
        token: getToken(),
      });
      const check = issued.verificationCode
        ? [
            ` 核验码 ${issued.verificationCode}，`,
            h(
              'a',
              { href: `verify.html?code=${encodeURIComponent(issued.verificationCode)}` },
              '在文书核验页查验',
            ),
          ]
        : [];
      status.replaceChildren('决定书已下载。', view, ...check);
    } catch (error) {
      status.textContent = failureMessage(error);
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'card-actions' }, button, status);
}
