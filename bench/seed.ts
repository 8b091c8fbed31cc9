/**
 * Seeds the bench table through the store's bulk loader: DisclosureRecord objects built the
 * way the use cases build them (the `register` and `publish` transitions, the first audit
 * entry), written with BatchWriteItem, not the API.
 */
import { type Actor, type AuditEntry, auditEntryFor } from '../shared/domain/audit.ts';
import { effectiveYear } from '../shared/domain/calendar/seed.ts';
import { WorkingCalendar } from '../shared/domain/calendar/working-days.ts';
import { addDays } from '../shared/domain/dates.ts';
import { newId } from '../shared/domain/ids.ts';
import type { DisclosureRecord } from '../shared/domain/records/record.ts';
import { publish, register } from '../shared/domain/records/transitions.ts';
import type { RecordInput } from '../shared/schemas/records/record-input.ts';
import { bulkLoad, recordItems } from '../shared/store/bulk-loader.ts';
import type { Store } from '../shared/store/client.ts';
import {
  companyNames,
  idCardNumber,
  personName,
  pick,
  type Random,
  seededRandom,
  tradeName,
  usccs,
} from './names.ts';

type Penalty = Extract<RecordInput, { kind: 'penalty' }>;

const VIOLATIONS = [
  {
    type: '虚假宣传',
    basis: '《中华人民共和国反不正当竞争法》第二十条',
    facts: '当事人在其经营场所及网站发布与实际不符的宣传内容，误导消费者。',
  },
  {
    type: '销售不合格产品',
    basis: '《中华人民共和国产品质量法》第四十九条',
    facts: '当事人销售经抽检不合格的产品，货值金额较大。',
  },
  {
    type: '未按规定公示年度报告',
    basis: '《企业信息公示暂行条例》第十八条',
    facts: '当事人未按规定期限公示上一年度年度报告。',
  },
  {
    type: '超范围经营',
    basis: '《市场主体登记管理条例》第四十三条',
    facts: '当事人从事须经许可的经营活动而未取得许可。',
  },
  {
    type: '违反食品安全规定',
    basis: '《中华人民共和国食品安全法》第一百二十四条',
    facts: '当事人经营超过保质期的食品，联系电话13812345678。',
  },
];

const SHANGHAI = (date: string, time = '10:00:00') => new Date(`${date}T${time}+08:00`);

/** A record and its first audit entry, as a registration writes them. */
export interface Built {
  readonly record: DisclosureRecord;
  readonly audit: AuditEntry;
}

export interface SeededRecord {
  readonly id: string;
  readonly name: string;
  readonly uscc: string;
}

/** Everything the seeding draws from: the random source, unique names and codes, agencies. */
export function seedWorld(seed = 20261126) {
  const random: Random = seededRandom(seed);
  const names = companyNames(random);
  const companies = usccs(random, '91');
  const agencyCodes = usccs(random, '11');
  const agencies = Array.from({ length: 12 }, () => agencyCodes.next());
  const years = [2024, 2025, 2026, 2027];
  const calendar = new WorkingCalendar(years.map((y) => effectiveYear(y, undefined)));
  let documents = 0;

  function penalty(subject: { name: string; uscc: string }, decisionDate: string): Penalty {
    const v = pick(random, VIOLATIONS);
    const fine = 1 + Math.floor(random() * 50);
    documents++;
    return {
      kind: 'penalty',
      documentNumber: `鲁${pick(random, ['济', '青', '淄', '烟', '潍'])}市监罚〔${decisionDate.slice(0, 4)}〕${documents}号`,
      decisionDate,
      subject: {
        category: 'legal_person',
        name: subject.name,
        uscc: subject.uscc,
        legalRepresentative: personName(random),
        legalRepresentativeIdType: 'resident_id',
        legalRepresentativeIdNumber: idCardNumber(random),
      },
      penalty: {
        violationType: v.type,
        facts: v.facts,
        basis: v.basis,
        categories: random() < 0.3 ? ['警告', '罚款'] : ['罚款'],
        content: `罚款人民币${fine}万元`,
        fineAmount: fine,
        severity: random() < 0.1 ? 'serious' : 'general',
        procedure: 'ordinary',
      },
    };
  }

  /** One record as `register` (and with `publishedOn`, `publish`) would have written it. */
  function build(content: Penalty, agency: string, publishedOn?: string): Built {
    const registeredAt = SHANGHAI(publishedOn ?? content.decisionDate);
    let record = register({ id: newId('rec'), authority: { uscc: agency }, content }, calendar, registeredAt);
    if (publishedOn) record = publish(record, registeredAt, 'agency', calendar);
    const actor: Actor = { role: 'agency', id: agency };
    const action = publishedOn ? 'record.registered_and_published' : 'record.registered';
    const audit = auditEntryFor(undefined, record, { actor, action, at: registeredAt });
    return { record: { ...record, head: audit }, audit };
  }

  const randomDate = (from: string, days: number) => addDays(from, Math.floor(random() * days));
  /** A new company: a unique name (around `core` and after `city`, if given) and USCC. */
  const company = (core?: string, city?: string) => ({
    name: names.next(core, city),
    uscc: companies.next(),
  });
  /** A published public penalty, decided between January and November 2026. */
  const published = (subject = company(), decisionDate = randomDate('2026-01-05', 320)) =>
    build(penalty(subject, decisionDate), pick(random, agencies), addDays(decisionDate, 2));
  /** A registered, unpublished penalty decided on `decisionDate` (due 7 working days later). */
  const registered = (decisionDate: string, subject = company()) =>
    build(penalty(subject, decisionDate), pick(random, agencies));

  return {
    agencies,
    company,
    /** A 字号 for a matching set, four characters long. */
    core: () => tradeName(random, 4),
    published,
    registered,
    /** Background: published penalties, and one in ten registered recently and not yet due. */
    background: (): Built => (random() < 0.9 ? published() : registered(randomDate('2026-11-09', 12))),
    /** A new record for a new company, to register under load. */
    penaltyInput: (decisionDate: string) => penalty(company(), decisionDate),
  };
}

export type SeedWorld = ReturnType<typeof seedWorld>;

/**
 * Loads records in chunks, building the next chunk while the last one is written (so the
 * CPU of this process and of DynamoDB Local overlap); returns the published, public ones.
 */
export async function loadRecords(
  store: Store,
  count: number,
  make: () => Built,
  chunk = 500,
): Promise<SeededRecord[]> {
  const published: SeededRecord[] = [];
  let writing: Promise<unknown> = Promise.resolve();
  for (let done = 0; done < count; done += chunk) {
    const built = Array.from({ length: Math.min(chunk, count - done) }, make);
    const items = built.flatMap(({ record, audit }) => recordItems(record, audit));
    for (const { record: r } of built)
      if (r.status === 'published')
        published.push({ id: r.id, name: r.content.subject.name, uscc: r.content.subject.uscc ?? '' });
    await writing;
    writing = bulkLoad(store, items, 16);
  }
  await writing;
  return published;
}
