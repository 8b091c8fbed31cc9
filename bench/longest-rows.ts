/**
 * Penalty records with the longest fields the schemas allow (their limits read from the
 * schemas, not copied), as many of them as fit in one batch body of MAX_BATCH_ROWS rows.
 * The subject's name comes first: its length decides how many search entries a publication
 * writes (one per distinct two-character piece, up to MAX_NAME_BIGRAMS).
 */
import { MAX_BATCH_ROWS } from '../shared/domain/records/batch.ts';
import { PENALTY_CATEGORIES } from '../shared/domain/records/vocabulary.ts';
import { MAX_BODY_BYTES } from '../shared/http/body.ts';
import { penaltySchema } from '../shared/schemas/records/kind-details.ts';
import { type RecordInput, recordInputSchema } from '../shared/schemas/records/record-input.ts';
import { subjectSchema } from '../shared/schemas/records/subject.ts';
import { type Random, tradeName } from './names.ts';

type Penalty = Extract<RecordInput, { kind: 'penalty' }>;

const penaltyShape = recordInputSchema.options.find((o) => o.shape.kind.value === 'penalty')?.shape;
if (!penaltyShape) throw new Error('no penalty kind in recordInputSchema');

/** The most characters each free-text field takes, from its schema. */
export const LIMITS = {
  documentNumber: penaltyShape.documentNumber.maxLength ?? 0,
  remarks: penaltyShape.remarks.unwrap().maxLength ?? 0,
  name: subjectSchema.shape.name.maxLength ?? 0,
  violationType: penaltySchema.shape.violationType.maxLength ?? 0,
  facts: penaltySchema.shape.facts.maxLength ?? 0,
  basis: penaltySchema.shape.basis.maxLength ?? 0,
  content: penaltySchema.shape.content.maxLength ?? 0,
  licenseAffected: penaltySchema.shape.licenseAffected.unwrap().maxLength ?? 0,
};

const PROSE =
  '经查，当事人在其经营场所销售的产品经抽样检验不合格，执法人员依法对现场进行了检查并制作了笔录，' +
  '当事人对上述事实无异议，依据相关法律法规之规定，本机关决定对当事人作出如下行政处罚。';

/** `length` characters of prose, ending in `tail` (which keeps a value unique). */
function prose(length: number, tail = ''): string {
  const body = Math.max(0, length - tail.length);
  return `${PROSE.repeat(Math.ceil(body / PROSE.length) + 1).slice(0, body)}${tail}`;
}

/** A company name of `length` characters: a random 字号 (distinct pieces) and a legal form. */
export function longName(random: Random, length = LIMITS.name): string {
  const form = '商贸有限公司';
  return `${tradeName(random, Math.max(2, length - form.length))}${form}`;
}

/** `input` with the longest subject name allowed. */
export function withLongestName(input: Penalty, random: Random): Penalty {
  return { ...input, subject: { ...input.subject, name: longName(random) } };
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

type Lengths = Record<keyof typeof LIMITS, number>;

function row(base: Penalty, n: number, name: string, l: Lengths): Penalty {
  return {
    ...base,
    documentNumber: prose(l.documentNumber, `〔${base.decisionDate.slice(0, 4)}〕${n}号`),
    remarks: prose(l.remarks),
    subject: { ...base.subject, name: name.slice(0, l.name) },
    penalty: {
      ...base.penalty,
      violationType: prose(l.violationType),
      facts: prose(l.facts),
      basis: prose(l.basis),
      content: prose(l.content),
      licenseAffected: prose(l.licenseAffected),
      categories: [...PENALTY_CATEGORIES],
    },
  };
}

/**
 * The lengths that fill one row's share of the body (MAX_BODY_BYTES ÷ MAX_BATCH_ROWS): each
 * field in turn, in this order, as long as its schema allows or as what is left allows.
 */
function fittingLengths(base: Penalty, name: string): Lengths {
  const budget = Math.floor(MAX_BODY_BYTES / MAX_BATCH_ROWS) - 2; // a comma and a margin
  const order: (keyof Lengths)[] = [
    'name',
    'documentNumber',
    'violationType',
    'licenseAffected',
    'basis',
    'facts',
    'content',
    'remarks',
  ];
  // Each at its shortest, the unique tail of the document number included.
  const l = Object.fromEntries(order.map((k) => [k, k === 'documentNumber' ? 20 : 8])) as Lengths;
  for (const field of order) {
    // Three bytes a character (CJK in UTF-8); the largest row number stands for all.
    const spare = budget - bytes(row(base, MAX_BATCH_ROWS, name, l));
    if (spare <= 0) break;
    l[field] = Math.min(LIMITS[field], l[field] + Math.floor(spare / 3));
  }
  return l;
}

/**
 * `count` rows of `base` with the longest fields that fit, each its own document number and
 * company name; every row is checked against the schema, so a row the API would refuse
 * fails the bench here. Also says how long each field came out and the body's size.
 */
export function longestRows(base: Penalty, random: Random, count: number) {
  const names = Array.from({ length: count }, () => longName(random));
  const lengths = fittingLengths(base, names[0] as string);
  const rows = names.map((name, i) => row(base, i + 1, name, lengths));
  for (const r of rows.slice(0, 3)) {
    const parsed = recordInputSchema.safeParse(r);
    if (!parsed.success) throw new Error(`a longest row is not valid: ${parsed.error.message}`);
  }
  return {
    rows,
    lengths,
    limits: LIMITS,
    body_bytes: bytes(rows),
    body_bytes_for_max_rows: Math.round((bytes(rows) / count) * MAX_BATCH_ROWS),
  };
}
