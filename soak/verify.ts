/**
 * After the soak's load: every accepted request stored exactly once (the ids the service
 * gave == the ids its lists show, per agency and per entity), deadlines on every record and
 * pending objection, the timeliness statistics equal to the registrations not revoked, and
 * every audit chain verified.
 */
import { shanghaiDate } from '../shared/domain/dates.ts';
import { verifyAudit } from '../test/support/table-state.ts';
import type { SoakClient } from './client.ts';
import type { Party, Purpose } from './workload.ts';

export interface Accepted {
  readonly agency: string;
  readonly entity: string;
  readonly purpose: Purpose;
  readonly status: string;
}

export interface World {
  readonly agencies: readonly Party[];
  readonly entities: readonly (Party & { name: string })[];
  readonly admin: string;
  readonly records: Map<string, Accepted>;
  readonly objections: Map<string, Accepted>;
  readonly repairs: Map<string, Accepted>;
  readonly decided: Set<string>;
  readonly revoked: Set<string>;
}

/** Ids expected against ids found: how many are missing, duplicated or unexpected. */
function compare(expected: readonly string[], found: readonly string[]) {
  const seen = new Set(found);
  const wanted = new Set(expected);
  return {
    expected: expected.length,
    found: found.length,
    lost: expected.filter((id) => !seen.has(id)).length,
    duplicated: found.length - seen.size,
    unexpected: found.filter((id) => !wanted.has(id)).length,
  };
}

type Tally = ReturnType<typeof compare>;
const add = (a: Tally, b: Tally): Tally => ({
  expected: a.expected + b.expected,
  found: a.found + b.found,
  lost: a.lost + b.lost,
  duplicated: a.duplicated + b.duplicated,
  unexpected: a.unexpected + b.unexpected,
});
const ZERO: Tally = { expected: 0, found: 0, lost: 0, duplicated: 0, unexpected: 0 };
const idsOf = (map: Map<string, Accepted>, key: 'agency' | 'entity', code: string) =>
  [...map].filter(([, a]) => a[key] === code).map(([id]) => id);

export async function verifyStored(client: SoakClient, world: World, step: (what: string) => void) {
  const problems: string[] = [];
  let records = ZERO;
  let withoutDeadline = 0;
  let objectionsByAgency = ZERO;
  let pendingWithoutDeadline = 0;
  step('  records per agency');
  for (const agency of world.agencies) {
    const lists = await Promise.all(
      ['registered', 'published', 'revoked'].map((s) =>
        client.all('verify', `/v1/agency/records?status=${s}`, agency.token),
      ),
    );
    const found = lists.flat();
    records = add(
      records,
      compare(
        idsOf(world.records, 'agency', agency.uscc),
        found.map((r) => r.id),
      ),
    );
    withoutDeadline += found.filter((r) => !r.disclosureDeadline?.due || !r.disclosureDeadline?.dueAt).length;
    const [pending, decided] = await Promise.all(
      ['pending', 'decided'].map((s) =>
        client.all('verify', `/v1/agency/objections?status=${s}`, agency.token),
      ),
    );
    pendingWithoutDeadline += (pending ?? []).filter((o) => !o.deadline?.dueAt || !o.dueAt).length;
    const all = [...(pending ?? []), ...(decided ?? [])].map((o) => o.id);
    objectionsByAgency = add(
      objectionsByAgency,
      compare(idsOf(world.objections, 'agency', agency.uscc), all),
    );
  }
  step('  objections and repairs per entity');
  let objections = ZERO;
  let repairs = ZERO;
  for (const entity of world.entities) {
    const [o, r] = await Promise.all([
      client.all('verify', '/v1/entity/objections', entity.token),
      client.all('verify', '/v1/entity/repairs', entity.token),
    ]);
    objections = add(
      objections,
      compare(
        idsOf(world.objections, 'entity', entity.uscc),
        o.map((x) => x.id),
      ),
    );
    repairs = add(
      repairs,
      compare(
        idsOf(world.repairs, 'entity', entity.uscc),
        r.map((x) => x.id),
      ),
    );
    const decidedHere = [...o, ...r].filter((x) => world.decided.has(x.id) && x.status === 'pending');
    if (decidedHere.length > 0) problems.push(`${decidedHere.length} decided applications still pending`);
  }
  step('  timeliness statistics');
  const stats = await client.send(
    'verify',
    'GET',
    `/v1/stats/timeliness?from=2026-01-01&to=${shanghaiDate(new Date())}`,
  );
  const statsRegistered = (stats.json?.agencies ?? []).reduce(
    (sum: number, a: { registered: number }) => sum + a.registered,
    0,
  );
  const notRevoked = world.records.size - world.revoked.size;
  step('  audit chains');
  const audit = await verifyAudit(client.baseUrl, world.admin);
  const chainsExpected = world.records.size + world.objections.size + world.repairs.size;

  for (const [name, t] of Object.entries({ records, objectionsByAgency, objections, repairs })) {
    if (t.lost || t.duplicated || t.unexpected || t.expected !== t.found)
      problems.push(`${name}: ${JSON.stringify(t)}`);
  }
  if (client.incomplete.length)
    problems.push(`${client.incomplete.length} lists could not be read to the end`);
  if (withoutDeadline) problems.push(`${withoutDeadline} records without a disclosure deadline`);
  if (pendingWithoutDeadline)
    problems.push(`${pendingWithoutDeadline} pending objections without a deadline`);
  if (statsRegistered !== notRevoked)
    problems.push(`statistics count ${statsRegistered}, expected ${notRevoked}`);
  if (audit.problems.length > 0) problems.push(`audit: ${JSON.stringify(audit.problems.slice(0, 5))}`);
  if (audit.checked < chainsExpected)
    problems.push(`audit checked ${audit.checked} chains of ${chainsExpected}`);
  return {
    ok: problems.length === 0,
    problems,
    items_lost: records.lost + objections.lost + repairs.lost,
    records,
    objections,
    objections_by_agency: objectionsByAgency,
    repairs,
    decided: world.decided.size,
    revoked_on_objection: world.revoked.size,
    records_without_deadline: withoutDeadline,
    pending_objections_without_deadline: pendingWithoutDeadline,
    stats: { registered: statsRegistered, expected: notRevoked },
    audit: {
      checked: audit.checked,
      pages: audit.pages,
      problems: audit.problems.length,
      expected: chainsExpected,
    },
  };
}
