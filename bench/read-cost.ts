/**
 * What a name search, a USCC search and a disclosure sweep read, in DynamoDB's own
 * ConsumedCapacity, through the same code the API and the schedule run. Measured once on a
 * table of N records and again after 9·N more, each time with a fresh matching set and a
 * fresh set of due records of the same size.
 */
import { makeSweeps } from '../functions/sweeps/sweeps.ts';
import type { PublicSearch } from '../shared/domain/records/ports.ts';
import { makePublicDisclosureUseCases } from '../shared/domain/records/public-use-cases.ts';
import { meterReads } from '../shared/store/capacity-meter.ts';
import type { Store } from '../shared/store/client.ts';
import { recordRepository } from '../shared/store/record-repository.ts';
import { COMMON_CITY } from './names.ts';
import { loadRecords, type SeededRecord, type SeedWorld } from './seed.ts';

/** Records of the one company a search should find: fewer than a page, so it reads to the end. */
export const MATCHING = 10;
/** Registered records past their disclosure deadline when the sweep runs. */
export const DUE = 50;
const PAGE = 20;

export interface PhasePlan {
  readonly background: number;
  /** Decision date of the due records, and the instant the sweep runs. */
  readonly decided: string;
  readonly sweepAt: string;
}

export interface PhaseCost {
  readonly records: number;
  /** A search for the 字号 (`恒瑞鑫达`). */
  readonly name_search_units: number;
  /** A search for the full name (`济南市恒瑞鑫达商贸有限公司`), all its pages. */
  readonly full_name_search_units: number;
  readonly full_name_search_pages: number;
  readonly uscc_search_units: number;
  readonly sweep_units: number;
  readonly sweep_commands: Readonly<Record<string, number>>;
}

/**
 * Seeds one phase (background, a matching company, due records) through `store` and
 * measures it through `metered` (a client of its own: the meter hooks into it). Returns the
 * published background records too, for the load tests.
 */
export async function seedAndMeasure(
  store: Store,
  metered: Store,
  world: SeedWorld,
  plan: PhasePlan,
  totalBefore: number,
): Promise<{ cost: PhaseCost; published: SeededRecord[] }> {
  const published = await loadRecords(store, plan.background, () => world.background());
  // One company with MATCHING penalties, its name led by the commonest city of the data.
  const core = world.core();
  const company = world.company(core, COMMON_CITY);
  await loadRecords(store, MATCHING, () => world.published(company));
  await loadRecords(store, DUE, () => world.registered(plan.decided));

  const meter = meterReads(metered.client);
  const search = makePublicDisclosureUseCases({ records: recordRepository(metered) }).search;
  /** Read units of a whole answer: every page, as a client following the cursor reads it. */
  const searchCost = async (query: Omit<PublicSearch, 'limit' | 'cursor'>, what: string) => {
    meter.reset();
    let found = 0;
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await search({ ...query, limit: PAGE, cursor });
      found += page.items.length;
      cursor = page.cursor;
      pages++;
    } while (cursor);
    if (found !== MATCHING) throw new Error(`${what} found ${found} records, expected ${MATCHING}`);
    return { units: meter.readUnits(), pages };
  };
  // What people type: the 字号, or the company's full name as registered.
  const byCore = await searchCost({ name: core }, `name search ${core}`);
  const byFullName = await searchCost({ name: company.name }, `name search ${company.name}`);
  const byUscc = await searchCost({ uscc: company.uscc }, `USCC search ${company.uscc}`);

  const sweepAt = new Date(plan.sweepAt);
  const sweeps = makeSweeps(metered, () => sweepAt, { autoPublish: true });
  meter.reset();
  const report = await sweeps('disclosure-deadlines');
  const sweepUnits = meter.readUnits();
  const commands = meter.commands();
  if (report.actions['auto-published'] !== DUE || report.deadLettered > 0)
    throw new Error(`the sweep did not publish exactly ${DUE} records: ${JSON.stringify(report)}`);
  if (commands.ScanCommand) throw new Error('the sweep scanned the table');

  return {
    cost: {
      records: totalBefore + plan.background + MATCHING + DUE,
      name_search_units: byCore.units,
      full_name_search_units: byFullName.units,
      full_name_search_pages: byFullName.pages,
      uscc_search_units: byUscc.units,
      sweep_units: sweepUnits,
      sweep_commands: commands,
    },
    published,
  };
}

export function readCostFigures(small: PhaseCost, large: PhaseCost) {
  const ratio = (a: number, b: number) => round(b === 0 ? Number.NaN : a / b, 3);
  const core = ratio(large.name_search_units, small.name_search_units);
  const fullName = ratio(large.full_name_search_units, small.full_name_search_units);
  const name = Math.max(core, fullName);
  const uscc = ratio(large.uscc_search_units, small.uscc_search_units);
  return {
    figures: {
      search_read_ratio: Math.max(name, uscc),
      name_search_read_ratio: name,
      uscc_search_read_ratio: uscc,
      sweep_read_ratio: ratio(large.sweep_units, small.sweep_units),
      sweep_read_units_per_due_item: round(large.sweep_units / DUE, 3),
    },
    detail: { trade_name_search_read_ratio: core, full_name_search_read_ratio: fullName },
  };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
