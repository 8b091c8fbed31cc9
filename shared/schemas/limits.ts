import { UPHELD_PREFIX } from '../domain/objections/vocabulary.ts';

/**
 * The longest value of each text the API takes back out again, in characters (code points, as
 * zod and JSON Schema count them). The input schemas enforce these numbers and the answers
 * that show the text declare the same ones, so neither can change without the other.
 */
export const MAX_LENGTH = {
  documentNumber: 100,
  remarks: 1000,
  subjectName: 200,
  /** Registration, organisation, tax and certificate numbers. */
  code: 50,
  idNumber: 40,
  legalRepresentative: 50,
  /** Why a record is corrected or revoked. */
  changeReason: 500,
  /** Why an objection or a repair application was decided as it was. */
  decisionReason: 2000,
  statement: 4000,
  commitment: 4000,
  evidenceName: 200,
  evidenceUrl: 1000,
  holidayName: 40,
  sourceTitle: 200,
  sourceUrl: 500,
  /** 认定依据 of a list entry: the rule and the facts. */
  listBasis: 2000,
  /** 事项名称 of a credit check. */
  matterName: 200,
} as const;

/** Records one list entry rests on. */
export const MAX_LIST_RECORDS = 50;

/** Evidence items one objection or repair application carries. */
export const MAX_EVIDENCE = 20;

// A correction an upheld objection makes is recorded with the decision's reason after
// UPHELD_PREFIX, so a history entry's reason can be longer than a correction's own.

/** The longest reason a record's history or revocation shows: either source, prefix included. */
export const MAX_RECORD_REASON_LENGTH =
  Math.max(MAX_LENGTH.changeReason, MAX_LENGTH.decisionReason) + UPHELD_PREFIX.length;
