import * as z from 'zod';
import { MATTER_TYPES, MEASURE_CODES, matterTypeOf } from '../domain/lists/measures.ts';
import {
  ENTRY_FILING_KINDS,
  ENTRY_STATUSES,
  FILING_OUTCOMES,
  LIST_TYPES,
  LISTING_OUTCOMES,
  REMOVAL_REASONS,
} from '../domain/lists/vocabulary.ts';
import { MIN_QUERY_CHARACTERS } from '../domain/records/name-search.ts';
import { RECORD_KINDS, SUBJECT_CATEGORIES } from '../domain/records/vocabulary.ts';
import { idOut, idParam, instantOut, isoDate, pageOf, paging, uscc, usccOut } from './common.ts';
import { issue } from './issue.ts';
import { MAX_LENGTH, MAX_LIST_RECORDS } from './limits.ts';
import { checkIdNumber } from './records/subject.ts';
import { line, text } from './text.ts';
import { evidence, evidenceOut } from './workflows.ts';

const { listBasis: MAX_BASIS, matterName: MAX_MATTER_NAME } = MAX_LENGTH;
const MAX_RECORDS = MAX_LIST_RECORDS;

export const entryIdParams = z.strictObject({
  id: idParam('lst', issue('invalid_list_entry_id', '名单条目编号格式错误', 'not a list entry id')),
});
export const checkIdParams = z.strictObject({
  id: idParam('chk', issue('invalid_check_id', '核查编号格式错误', 'not a check id')),
});

const recordId = idParam('rec', issue('invalid_record_id', '记录编号格式错误', 'not a record id'));

const listSubject = z
  .strictObject({
    category: z.enum(SUBJECT_CATEGORIES).meta({ description: '主体类别' }),
    name: line(MAX_LENGTH.subjectName).meta({ description: '主体名称' }),
    uscc: uscc.optional().meta({ description: '统一社会信用代码（法人、非法人组织和个体工商户必填）' }),
    idNumber: line(MAX_LENGTH.idNumber)
      .optional()
      .meta({ description: '居民身份证号码（仅自然人，必填；自然人的名单条目不公开）' }),
  })
  .superRefine((s, ctx) => {
    const fail = (path: string, code: string, zh: string, en: string) =>
      ctx.addIssue({ code: 'custom', path: [path], ...issue(code, zh, en) });
    if (s.category === 'natural_person') {
      if (s.uscc)
        fail('uscc', 'uscc_not_allowed', '自然人没有统一社会信用代码', 'a natural person has no uscc');
      if (!s.idNumber)
        fail(
          'idNumber',
          'id_number_required',
          '自然人须填证件号码',
          'idNumber is required for a natural person',
        );
      checkIdNumber('resident_id', s.idNumber, 'idNumber', fail);
    } else {
      if (!s.uscc)
        fail(
          'uscc',
          'uscc_required',
          '法人、非法人组织和个体工商户须填统一社会信用代码',
          'uscc is required for organisations and individual businesses',
        );
      if (s.idNumber)
        fail('idNumber', 'id_not_allowed', '证件号码只适用于自然人', 'idNumber is for natural persons only');
    }
  });

export const proposeEntryBody = z.strictObject({
  type: z.enum(LIST_TYPES).meta({ description: '名单类型：严重失信主体名单 / 重点关注名单' }),
  agency: uscc.optional().meta({ description: '认定部门；填写时须为本机关（不得代其他机关认定）' }),
  subject: listSubject,
  basis: text(MAX_BASIS).meta({ description: '认定依据（所依据的规定和事实）' }),
  recordIds: z
    .array(recordId)
    .min(1, issue('records_required', '须列明认定所依据的记录', 'name the records the listing rests on'))
    .max(MAX_RECORDS)
    .meta({ description: '认定所依据的本系统记录' }),
  measures: z
    .array(z.enum(MEASURE_CODES))
    .min(1)
    .max(MEASURE_CODES.length)
    .optional()
    .meta({ description: '适用的惩戒措施（不填时按名单类型的默认措施）' }),
  validityMonths: z.int().min(1).max(60).meta({ description: '有效期（月，自列入之日起）' }),
});

export const statementBody = z.strictObject({
  text: text(MAX_LENGTH.statement).meta({ description: '陈述申辩意见' }),
  evidence: evidence.default([]),
});

export const listingDecisionBody = z.strictObject({
  outcome: z.enum(LISTING_OUTCOMES).meta({ description: 'list 决定列入 / not_list 决定不予列入' }),
  reason: text(MAX_LENGTH.decisionReason).meta({ description: '决定理由（对陈述申辩的采纳情况）' }),
});

export const entryObjectionBody = z.strictObject({
  statement: text(MAX_LENGTH.statement).meta({ description: '异议陈述' }),
  evidence: evidence.default([]),
});

export const exitBody = z.strictObject({
  statement: text(MAX_LENGTH.statement).meta({ description: '已纠正失信行为、履行义务的说明' }),
  commitment: z.strictObject({
    text: text(MAX_LENGTH.commitment).meta({ description: '信用承诺书内容' }),
    signedAt: isoDate.meta({ description: '承诺书签署日期' }),
  }),
  evidence: evidence,
});

export const filingDecisionBody = z.strictObject({
  outcome: z.enum(FILING_OUTCOMES).meta({ description: 'upheld 成立（移出名单）/ rejected 不成立（维持）' }),
  reason: text(MAX_LENGTH.decisionReason).meta({ description: '决定理由' }),
});

const nameQuery = line(MAX_LENGTH.subjectName).refine(
  (v) => Array.from(v.trim()).length >= MIN_QUERY_CHARACTERS,
  issue(
    'name_too_short',
    `名称至少 ${MIN_QUERY_CHARACTERS} 个字`,
    `a name query needs at least ${MIN_QUERY_CHARACTERS} characters`,
  ),
);

export const publicListQuery = z.strictObject({
  type: z.enum(LIST_TYPES).optional(),
  uscc: uscc.optional(),
  name: nameQuery.optional(),
  agency: uscc.optional(),
  ...paging,
});

export const agencyListQuery = z.strictObject({ status: z.enum(ENTRY_STATUSES).optional(), ...paging });

const measureOut = z.object({ code: z.enum(MEASURE_CODES), label: z.string().max(100) });
const label = z.string().max(40);

export const publicEntryResponse = z
  .object({
    id: idOut('lst'),
    type: z.enum(LIST_TYPES),
    typeLabel: label,
    subject: z.object({ name: z.string().max(MAX_LENGTH.subjectName), uscc: usccOut }),
    agency: usccOut,
    basis: z.string().max(MAX_BASIS),
    measures: z.array(measureOut).max(MEASURE_CODES.length),
    listedOn: isoDate,
    validUntil: isoDate,
    status: z.enum(ENTRY_STATUSES),
    statusLabel: label,
    underObjection: z.boolean().meta({ description: '异议处理中' }),
  })
  .meta({ id: 'PublicListEntry' });

export const publicEntryPage = pageOf(publicEntryResponse);

const deadline = z.object({
  due: isoDate,
  dueAt: instantOut,
  provisional: z.boolean(),
  reminderAt: instantOut.optional(),
  remindedAt: instantOut.optional(),
});

const filingOut = z.object({
  kind: z.enum(ENTRY_FILING_KINDS),
  statement: z.string().max(MAX_LENGTH.statement),
  evidence: evidenceOut,
  commitment: z.object({ text: z.string().max(MAX_LENGTH.commitment), signedAt: isoDate }).optional(),
  filedAt: instantOut,
  deadline,
  escalatedAt: instantOut.optional(),
  decision: z
    .object({
      outcome: z.enum(FILING_OUTCOMES),
      reason: z.string().max(MAX_LENGTH.decisionReason),
      at: instantOut,
    })
    .optional(),
});

export const entryCaseResponse = z
  .object({
    id: idOut('lst'),
    type: z.enum(LIST_TYPES),
    typeLabel: label,
    status: z.enum(ENTRY_STATUSES),
    statusLabel: label,
    subject: z.object({
      category: z.enum(SUBJECT_CATEGORIES),
      name: z.string().max(MAX_LENGTH.subjectName),
      uscc: usccOut.optional(),
      idNumber: z.string().max(MAX_LENGTH.idNumber).optional(),
    }),
    agency: usccOut,
    basis: z.string().max(MAX_BASIS),
    recordIds: z.array(idOut('rec')).max(MAX_RECORDS),
    measures: z.array(measureOut).max(MEASURE_CODES.length),
    validityMonths: z.int().min(1).max(60),
    proposedAt: instantOut,
    hearing: deadline.meta({ description: '陈述申辩期限' }),
    hearingEndedAt: instantOut.optional(),
    decisionDeadline: deadline.meta({ description: '作出决定的期限' }),
    decisionEscalatedAt: instantOut.optional(),
    statement: z
      .object({ text: z.string().max(MAX_LENGTH.statement), evidence: evidenceOut, at: instantOut })
      .optional(),
    decision: z
      .object({
        outcome: z.enum(LISTING_OUTCOMES),
        reason: z.string().max(MAX_LENGTH.decisionReason),
        at: instantOut,
      })
      .optional(),
    listedOn: isoDate.optional().meta({ description: '列入日期' }),
    validUntil: isoDate.optional().meta({ description: '有效期至' }),
    removal: z
      .object({
        on: isoDate.meta({ description: '移出日期' }),
        at: instantOut,
        reason: z.enum(REMOVAL_REASONS),
        reasonLabel: label,
      })
      .optional(),
    objection: filingOut.optional(),
    exit: filingOut.optional(),
    underObjection: z.boolean(),
    revision: z.int().min(1),
    audit: z.object({ seq: z.int().min(0), hash: z.string().max(64) }),
  })
  .meta({ id: 'ListEntryCase', description: '名单条目案卷（认定部门与被列入的主体本人可见）' });

export const entryCasePage = pageOf(entryCaseResponse);

// ---- Checks (应查必查) ----

const matterType = z
  .string()
  .max(10)
  .transform((value, ctx) => {
    const type = matterTypeOf(value);
    if (type) return type;
    ctx.addIssue({
      code: 'custom',
      ...issue(
        'invalid_matter_type',
        '事项类型须为 行政许可、政府采购、招标投标、财政资金、评优评先 或 其他',
        'unknown matter type',
      ),
    });
    return z.NEVER;
  })
  .meta({
    description: `事项类型：行政许可 / 政府采购 / 招标投标 / 财政资金 / 评优评先 / 其他（也可用代码 ${MATTER_TYPES.join(' / ')}）`,
  });

export const checkBody = z.strictObject({
  uscc: uscc.meta({ description: '被核查主体的统一社会信用代码' }),
  matter: z.strictObject({
    name: line(MAX_MATTER_NAME).meta({ description: '事项名称' }),
    type: matterType,
  }),
});

export const feedbackBody = z.strictObject({
  applied: z.boolean().meta({ description: '是否采取了惩戒措施' }),
  measures: z
    .array(z.enum(MEASURE_CODES))
    .max(MEASURE_CODES.length)
    .optional()
    .meta({ description: '采取的措施（须为核查结果中的措施；采取时不填即全部）' }),
  reason: text(MAX_LENGTH.decisionReason).meta({ description: '理由（采取或未采取的原因）' }),
  actedOn: isoDate.meta({ description: '办理日期' }),
});

export const checkResponse = z
  .object({
    id: idOut('chk'),
    agency: usccOut,
    uscc: usccOut,
    subjectName: z.string().max(MAX_LENGTH.subjectName).optional(),
    matter: z.object({ name: z.string().max(MAX_MATTER_NAME), type: z.enum(MATTER_TYPES), typeLabel: label }),
    madeAt: instantOut,
    entries: z
      .array(
        z.object({
          id: idOut('lst'),
          type: z.enum(LIST_TYPES),
          typeLabel: label,
          agency: usccOut,
          basis: z.string().max(MAX_BASIS),
          listedOn: isoDate,
          validUntil: isoDate,
          underObjection: z.boolean(),
          measures: z.array(measureOut).max(MEASURE_CODES.length),
        }),
      )
      .max(100),
    records: z
      .array(
        z.object({
          id: idOut('rec'),
          kind: z.enum(RECORD_KINDS),
          documentNumber: z.string().max(MAX_LENGTH.documentNumber),
          decisionDate: isoDate,
          agency: usccOut,
        }),
      )
      .max(20),
    moreRecords: z.boolean(),
    measures: z.array(measureOut).max(MEASURE_CODES.length).meta({ description: '适用于该事项的措施' }),
    deadline: deadline.meta({ description: '执行反馈期限' }),
    feedback: z
      .object({
        applied: z.boolean(),
        measures: z.array(measureOut).max(MEASURE_CODES.length),
        reason: z.string().max(MAX_LENGTH.decisionReason),
        actedOn: isoDate,
        at: instantOut,
        late: z.boolean().meta({ description: '逾期反馈' }),
      })
      .optional(),
    escalatedAt: instantOut.optional().meta({ description: '逾期未反馈，已报告信用管理部门的时刻' }),
    status: z.enum(['awaiting_feedback', 'fed_back', 'fed_back_late']),
    statusLabel: label,
  })
  .meta({ id: 'CreditCheck' });

export const checkPage = pageOf(checkResponse);

/** What an entity sees of a check made of it: who, when, for what (条例 第37条). */
export const entityCheckResponse = z.object({
  id: idOut('chk'),
  agency: usccOut,
  agencyName: z.string().max(200).optional(),
  matter: z.object({ name: z.string().max(MAX_MATTER_NAME), type: z.enum(MATTER_TYPES), typeLabel: label }),
  madeAt: instantOut,
});
export const entityCheckPage = pageOf(entityCheckResponse);

export const checkStatsResponse = z.object({
  agencies: z
    .array(
      z.object({
        agency: usccOut,
        name: z.string().max(200).optional(),
        made: z.int().min(0),
        withFeedback: z.int().min(0),
        feedbackOnTime: z.int().min(0),
        feedbackLate: z.int().min(0),
        awaitingFeedback: z.int().min(0),
        escalated: z.int().min(0),
        measuresApplied: z.int().min(0),
        onTimeRate: z
          .number()
          .min(0)
          .max(1)
          .optional()
          .meta({ description: '按时反馈率（已核查数为 0 时不填）' }),
      }),
    )
    .max(10000),
});
