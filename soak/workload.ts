/**
 * What the soak sends: agencies and entities with signed tokens, and realistic valid bodies
 * from the test builders (penalties, licenses and the other kinds), with the codes and names
 * of the bench's seeded generators so every run is alike.
 */

import { companyNames, idCardNumber, personName, pick, seededRandom, usccs } from '../bench/names.ts';
import { addDays } from '../shared/domain/dates.ts';
import type { RecordInput } from '../shared/schemas/records/record-input.ts';
import { licenseInput, penaltyInput } from '../test/support/record-builders.ts';

export interface Party {
  readonly uscc: string;
  readonly token: string;
}

export type Sign = (claims: Record<string, string>) => Promise<string>;

export async function parties(sign: Sign, agencies: number, entities: number) {
  const random = seededRandom(9);
  const agencyCodes = usccs(random, '11');
  const companyCodes = usccs(random, '91');
  const names = companyNames(random);
  const agencyList: Party[] = [];
  for (let i = 0; i < agencies; i++) {
    const uscc = agencyCodes.next();
    agencyList.push({ uscc, token: await sign({ role: 'agency', agency: uscc, sub: `agency:${uscc}` }) });
  }
  const entityList: (Party & { name: string })[] = [];
  for (let i = 0; i < entities; i++) {
    const uscc = companyCodes.next();
    entityList.push({
      uscc,
      name: names.next(),
      token: await sign({ role: 'entity', uscc, sub: `entity:${uscc}` }),
    });
  }
  return { agencies: agencyList, entities: entityList, random };
}

/** What one registration is for: only published general penalties can be objected to or repaired. */
export type Purpose = 'objection' | 'repair' | 'plain';

const OTHER_KINDS = {
  coercion: { content: '查封涉案冷库一座', measure: '查封' },
  confirmation: { content: '确认为高新技术企业', confirmationType: '资格确认' },
  reward: { content: '授予守信激励示范单位称号', rewardType: '荣誉称号' },
  inspection: { content: '食品安全日常监督检查', inspectionType: '现场检查', result: '未发现问题' },
} as const;

let documents = 0;

/** A valid registration body about `entity`, decided on `decisionDate`. */
export function registration(
  random: () => number,
  entity: { uscc: string; name: string },
  decisionDate: string,
  purpose: Purpose,
): RecordInput & { publish?: boolean } {
  documents++;
  const subject = {
    category: 'legal_person' as const,
    name: entity.name,
    uscc: entity.uscc,
    legalRepresentative: personName(random),
    legalRepresentativeIdType: 'resident_id' as const,
    legalRepresentativeIdNumber: idCardNumber(random),
  };
  const documentNumber = `鲁济市监〔2026〕${documents}号`;
  if (purpose !== 'plain' || random() < 0.5) {
    const base = penaltyInput({ documentNumber, decisionDate, subject });
    return {
      ...base,
      penalty: { ...base.penalty, fineAmount: 1 + Math.floor(random() * 50) },
      publish: purpose !== 'plain' || random() < 0.6,
    };
  }
  const kind = pick(random, ['license', 'license', ...Object.keys(OTHER_KINDS)] as const);
  if (kind === 'license') {
    return { ...licenseInput({ documentNumber, decisionDate, subject }), publish: random() < 0.6 };
  }
  return {
    kind,
    documentNumber,
    decisionDate,
    subject,
    [kind]: OTHER_KINDS[kind as keyof typeof OTHER_KINDS],
    publish: random() < 0.6,
  } as unknown as RecordInput & { publish?: boolean };
}

/** A decision date between 2026-01-05 and 2026-05-31 (a repair's minimum period is over). */
export const earlyDate = (random: () => number) => addDays('2026-01-05', Math.floor(random() * 146));
/** A decision date later in 2026, up to `today`. */
export const laterDate = (random: () => number, today: string) => addDays(today, -Math.floor(random() * 150));
