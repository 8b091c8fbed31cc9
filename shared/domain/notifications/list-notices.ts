import type { DomainEvent, EventType } from '../events.ts';
import {
  ENTRY_FILING_LABELS,
  type EntryFilingKind,
  FILING_OUTCOME_LABELS,
  type FilingOutcome,
  LIST_TYPE_LABELS,
  LISTING_OUTCOME_LABELS,
  type ListingOutcome,
  REMOVAL_REASON_LABELS,
  type RemovalReason,
} from '../lists/vocabulary.ts';
import { BASIS, dueLine, type Matter, type Rule, str } from './notice-parts.ts';

/*
 * Who is told what of the credit lists and checks: the party of a proposed listing (拟列入告知,
 * 国办发〔2020〕49号（八）), the deciding agency, and the credit office of what went overdue.
 * Part of the one notice table (notices.ts NOTICES).
 */

function listLine(matter: Matter): string {
  const l = matter.list;
  return l ? `${LIST_TYPE_LABELS[l.type]}：${l.subjectName}（编号 ${l.id}）` : '名单条目：见“我的”';
}
const listFiling = (event: DomainEvent) =>
  ENTRY_FILING_LABELS[(str(event.data.filing) ?? 'objection') as EntryFilingKind];
const checkLine = (matter: Matter) =>
  matter.check ? `核查编号：${matter.check.id}；事项：${matter.check.matter}` : '核查：见工作台';

export const LIST_NOTICES = {
  'list-proposed': [
    {
      audience: 'party',
      notice: (_event, matter) => ({
        title: '拟列入名单告知',
        lines: [
          listLine(matter),
          `认定部门：${matter.agency}`,
          `认定依据：${matter.list?.basis ?? ''}`,
          `您有权陈述申辩，请于 ${matter.list?.hearingDue ?? ''}（北京时间当日 24:00）前在“我的”中提交。`,
        ],
        link: 'account.html',
        basis: BASIS.listHearing,
      }),
    },
  ],
  'list-hearing-reminder': [
    {
      audience: 'party',
      notice: (_event, matter) => ({
        title: '陈述申辩期限提醒：明日到期',
        lines: [listLine(matter), `陈述申辩期限：${matter.list?.hearingDue ?? ''}（北京时间当日 24:00 前）`],
        link: 'account.html',
        basis: BASIS.listHearing,
      }),
    },
  ],
  'list-statement': [
    {
      audience: 'agency',
      notice: (_event, matter) => ({
        title: '当事人已陈述申辩',
        lines: [listLine(matter), `请在 ${matter.list?.decisionDue ?? ''} 前作出列入或不予列入的决定。`],
        basis: BASIS.listHearing,
        link: 'workbench-lists.html',
      }),
    },
  ],
  'list-hearing-ended': [
    {
      audience: 'agency',
      notice: (_event, matter) => ({
        title: '陈述申辩期满，请作出决定',
        lines: [listLine(matter), `决定期限：${matter.list?.decisionDue ?? ''}（北京时间当日 24:00 前）`],
        basis: BASIS.listHearing,
        link: 'workbench-lists.html',
      }),
    },
  ],
  'list-decided': [
    {
      audience: 'party',
      notice: (event, matter) => ({
        title: '名单认定结果',
        lines: [
          listLine(matter),
          `结果：${LISTING_OUTCOME_LABELS[(str(event.data.outcome) ?? 'list') as ListingOutcome]}`,
          ...(matter.list?.validUntil ? [`有效期至：${matter.list.validUntil}`] : []),
          '如认为认定有误，可在“我的”中提出异议；纠正失信行为后可申请提前移出。',
        ],
        link: 'account.html',
        basis: BASIS.listObjection,
      }),
    },
  ],
  'list-decision-escalated': [
    {
      audience: 'agency',
      notice: (_event, matter) => ({
        title: '拟列入名单逾期未决定，已报告信用管理部门',
        lines: [listLine(matter), `决定期限：${matter.list?.decisionDue ?? ''}`],
        link: 'workbench-lists.html',
      }),
    },
    {
      audience: 'office',
      notice: (_event, matter) => ({
        title: '列入名单决定逾期报告',
        lines: [
          `认定部门：${matter.agency}`,
          listLine(matter),
          `决定期限：${matter.list?.decisionDue ?? ''}`,
        ],
        link: 'office-oversight.html',
      }),
    },
  ],
  'list-removed': [
    {
      audience: 'party',
      notice: (event, matter) => ({
        title: '已移出名单',
        lines: [
          listLine(matter),
          `移出日期：${matter.list?.removedOn ?? ''}`,
          `移出原因：${REMOVAL_REASON_LABELS[(str(event.data.reason) ?? 'expired') as RemovalReason]}`,
        ],
        link: 'account.html',
      }),
    },
  ],
  'list-filing': [
    {
      audience: 'party',
      notice: (event, matter) => ({
        title: `已收到您的${listFiling(event)}`,
        lines: [listLine(matter), ...dueLine(event, matter)],
        link: 'account.html',
        basis: BASIS.listObjection,
      }),
    },
    {
      audience: 'agency',
      notice: (event, matter) => ({
        title: `收到${listFiling(event)}`,
        lines: [listLine(matter), ...dueLine(event, matter)],
        basis: BASIS.listObjection,
        link: 'workbench-lists.html',
      }),
    },
  ],
  'list-filing-decided': [
    {
      audience: 'party',
      notice: (event, matter) => ({
        title: `${listFiling(event)}处理结果`,
        lines: [
          listLine(matter),
          `结果：${FILING_OUTCOME_LABELS[(str(event.data.outcome) ?? 'rejected') as FilingOutcome]}`,
        ],
        link: 'account.html',
        basis: BASIS.listObjection,
      }),
    },
  ],
  'list-filing-escalated': [
    {
      audience: 'agency',
      notice: (event, matter) => ({
        title: `${listFiling(event)}逾期未办结，已报告信用管理部门`,
        lines: [listLine(matter), ...dueLine(event, matter)],
        basis: BASIS.listObjection,
        link: 'workbench-lists.html',
      }),
    },
    {
      audience: 'office',
      notice: (event, matter) => ({
        title: '名单申请逾期报告',
        lines: [
          `认定部门：${matter.agency}`,
          listLine(matter),
          `${listFiling(event)}`,
          ...dueLine(event, matter),
        ],
        link: 'office-oversight.html',
      }),
    },
  ],
  'check-escalated': [
    {
      audience: 'agency',
      notice: (_event, matter) => ({
        title: '信用核查逾期未反馈执行情况，已报告信用管理部门',
        lines: [
          checkLine(matter),
          `反馈期限：${matter.check?.due ?? ''}`,
          '逾期后仍可反馈，将记为逾期反馈。',
        ],
        basis: BASIS.check,
        link: 'workbench-checks.html',
      }),
    },
    {
      audience: 'office',
      notice: (_event, matter) => ({
        title: '信用核查执行反馈逾期报告',
        lines: [`核查机关：${matter.agency}`, checkLine(matter), `反馈期限：${matter.check?.due ?? ''}`],
        link: 'office-oversight.html',
        basis: BASIS.check,
      }),
    },
  ],
} as const satisfies Readonly<
  Record<Extract<EventType, `list-${string}` | `check-${string}`>, readonly Rule[]>
>;
