import { describe, expect, it } from 'vitest';
import type { Objection } from '../../../shared/domain/objections/objection.ts';
import type { DisclosureRecord } from '../../../shared/domain/records/record.ts';
import type { Repair } from '../../../shared/domain/repairs/repair.ts';
import { penaltyInput } from '../record-builders.ts';
import { aCompany, anAgency, anIdNumber } from '../record-mothers.ts';
import { asChange, changed, newObjection, newRecord, newRepair } from './aggregates.ts';
import type { MakePorts, Ports } from './ports.ts';

/** A published record of `agency` (a fresh one unless given), stored. */
async function storedRecord(ports: Ports, agency = anAgency()): Promise<DisclosureRecord> {
  const { record, audit } = newRecord(penaltyInput({ decisionDate: '2026-09-30' }), {
    agency,
    publishedAt: '2026-10-09T10:00:00+08:00',
  });
  await ports.records.create(record, audit);
  return record;
}

/** Files `filing` against its record in one commit, labelling the record; the stored filing. */
async function filed<T extends Objection | Repair>(
  ports: Ports,
  kind: 'objection' | 'repair',
  record: DisclosureRecord,
  made: { filing: T; audit: Parameters<typeof asChange>[1]['audit'] },
): Promise<T> {
  const mark = { id: made.filing.id, filedAt: made.filing.filedAt };
  const labelled = changed(record, kind === 'objection' ? { objection: mark } : { repair: mark });
  await ports.workflows.commit({
    record: asChange(record, labelled),
    [kind]: { before: undefined, after: made.filing, audit: made.audit },
    events: [],
  });
  return made.filing;
}

/**
 * What the domain relies on of a WorkflowStore, method by method: one commit writes a record
 * and a filing together or not at all, each guarded by its revision; the lists keep their
 * orders. Run against the in-memory fake and the DynamoDB repository.
 */
export function workflowStoreContract(makePorts: MakePorts): void {
  describe('WorkflowStore', () => {
    it('commit writes the filing and the change to its record together; get reads each back', async () => {
      const ports = await makePorts();
      const record = await storedRecord(ports);
      const objection = await filed(
        ports,
        'objection',
        record,
        newObjection(record, aCompany(), '2026-10-14'),
      );
      const repair = await filed(
        ports,
        'repair',
        (await ports.records.get(record.id)) as DisclosureRecord,
        newRepair(record, aCompany(), '2026-10-14'),
      );

      expect(await ports.workflows.getObjection(objection.id)).toEqual(objection);
      expect(await ports.workflows.getRepair(repair.id)).toEqual(repair);
      expect(await ports.records.get(record.id)).toMatchObject({
        objection: { id: objection.id },
        repair: { id: repair.id },
        revision: record.revision + 2,
      });
      expect(await ports.workflows.getObjection(repair.id)).toBeUndefined();
    });

    it('commit writes nothing when the record changed meanwhile', async () => {
      const ports = await makePorts();
      const record = await storedRecord(ports);
      const meanwhile = changed(record, { overdue: { at: '2026-10-10T00:00:00Z' } });
      await ports.records.save(record, meanwhile.after, meanwhile.audit);
      const made = newObjection(record, aCompany(), '2026-10-14');

      await expect(filed(ports, 'objection', record, made)).rejects.toMatchObject({ code: 'record_changed' });
      expect(await ports.workflows.getObjection(made.filing.id)).toBeUndefined();
      expect(await ports.records.get(record.id)).toEqual(meanwhile.after);
    });

    it('commit refuses a filing someone else changed meanwhile, keeping theirs', async () => {
      const ports = await makePorts();
      const record = await storedRecord(ports);
      const objection = await filed(
        ports,
        'objection',
        record,
        newObjection(record, aCompany(), '2026-10-14'),
      );
      const theirs = changed(objection, { acceptedAt: '2026-10-10T02:00:00.000Z' });
      const ours = changed(objection, { needsOtherUnit: true });

      await ports.workflows.commit({ objection: asChange(objection, theirs), events: [] });
      const stale = ports.workflows.commit({ objection: asChange(objection, ours), events: [] });

      await expect(stale).rejects.toMatchObject({ code: 'objection_changed' });
      expect(await ports.workflows.getObjection(objection.id)).toEqual(theirs.after);
    });

    it("lists an agency's filings of one status by due instant, and those due before an instant", async () => {
      const ports = await makePorts();
      const agency = anAgency();
      const record = await storedRecord(ports, agency);
      const later = newObjection(record, aCompany(), '2026-10-20');
      const sooner = newObjection(record, aCompany(), '2026-10-14');
      for (const made of [later, sooner]) {
        await ports.workflows.commit({
          objection: { before: undefined, after: made.filing, audit: made.audit },
          events: [],
        });
      }
      const repair = newRepair(record, aCompany(), '2026-10-15');
      await ports.workflows.commit({
        repair: { before: undefined, after: repair.filing, audit: repair.audit },
        events: [],
      });

      const pending = await ports.workflows.objectionsForAgency({ agency, status: 'pending', limit: 10 });
      const overdue = await ports.workflows.objectionsForAgency({
        agency,
        status: 'pending',
        dueBefore: '2026-10-16T00:00:00+08:00',
        limit: 10,
      });
      const repairs = await ports.workflows.repairsForAgency({ agency, status: 'pending', limit: 10 });

      expect(pending.items.map((o) => o.id)).toEqual([sooner.filing.id, later.filing.id]);
      expect(overdue.items.map((o) => o.id)).toEqual([sooner.filing.id]);
      expect(repairs.items.map((r) => r.id)).toEqual([repair.filing.id]);
      expect(
        (await ports.workflows.objectionsForAgency({ agency, status: 'decided', limit: 10 })).items,
      ).toEqual([]);
    });

    it("lists an entity's own filings newest first, in pages", async () => {
      const ports = await makePorts();
      const entity = aCompany();
      const record = await storedRecord(ports);
      const made = ['2026-10-09T01:00:00.000Z', '2026-10-09T03:00:00.000Z', '2026-10-09T02:00:00.000Z'].map(
        (at) => newObjection(record, entity, '2026-10-14', at),
      );
      for (const m of made) {
        await ports.workflows.commit({
          objection: { before: undefined, after: m.filing, audit: m.audit },
          events: [],
        });
      }
      const repair = newRepair(record, entity, '2026-10-14');
      await ports.workflows.commit({
        repair: { before: undefined, after: repair.filing, audit: repair.audit },
        events: [],
      });

      const first = await ports.workflows.objectionsForEntity({ entity, limit: 2 });
      const rest = await ports.workflows.objectionsForEntity({ entity, limit: 2, cursor: first.cursor });

      expect([...first.items, ...rest.items].map((o) => o.id)).toEqual(
        [made[1], made[2], made[0]].map((m) => m?.filing.id),
      );
      expect((await ports.workflows.repairsForEntity({ entity, limit: 10 })).items.map((r) => r.id)).toEqual([
        repair.filing.id,
      ]);
    });

    it("lists a person's own filings newest first, and no entity's filing among them", async () => {
      const ports = await makePorts();
      const person = anIdNumber('19850312', String(Math.floor(Math.random() * 900) + 100));
      const record = await storedRecord(ports);
      const asPerson = <T extends Objection | Repair>(filing: T): T => ({
        ...filing,
        entity: undefined,
        person,
      });
      const made = ['2026-10-09T01:00:00.000Z', '2026-10-09T03:00:00.000Z'].map((at) =>
        newObjection(record, aCompany(), '2026-10-14', at),
      );
      for (const m of made) {
        await ports.workflows.commit({
          objection: { before: undefined, after: asPerson(m.filing), audit: m.audit },
          events: [],
        });
      }
      const byEntity = newObjection(record, aCompany(), '2026-10-14', '2026-10-09T04:00:00.000Z');
      await ports.workflows.commit({
        objection: { before: undefined, after: byEntity.filing, audit: byEntity.audit },
        events: [],
      });
      const repair = newRepair(record, aCompany(), '2026-10-14');
      await ports.workflows.commit({
        repair: { before: undefined, after: asPerson(repair.filing), audit: repair.audit },
        events: [],
      });

      const objections = await ports.workflows.objectionsForPerson({ person, limit: 10 });

      expect(objections.items.map((o) => o.id)).toEqual([made[1], made[0]].map((m) => m?.filing.id));
      expect(objections.items.every((o) => o.person === person && o.entity === undefined)).toBe(true);
      expect((await ports.workflows.repairsForPerson({ person, limit: 10 })).items.map((r) => r.id)).toEqual([
        repair.filing.id,
      ]);
    });

    it('lists the pending filings escalated to the credit office, newest escalation first', async () => {
      const ports = await makePorts();
      const record = await storedRecord(ports);
      const escalate = async (at: string, status: 'pending' | 'decided' = 'pending') => {
        const made = newObjection(record, aCompany(), '2026-10-14');
        await ports.workflows.commit({
          objection: { before: undefined, after: made.filing, audit: made.audit },
          events: [],
        });
        const next = changed(made.filing, { escalatedAt: at, status });
        await ports.workflows.commit({ objection: asChange(made.filing, next), events: [] });
        return made.filing.id;
      };
      const first = await escalate('2026-10-15T00:00:00.000Z');
      const second = await escalate('2026-10-16T00:00:00.000Z');
      await escalate('2026-10-17T00:00:00.000Z', 'decided');

      const page = await ports.workflows.escalated('objection', { limit: 10 });

      expect(page.items.map((o) => o.id)).toEqual([second, first]);
      expect((await ports.workflows.escalated('repair', { limit: 10 })).items).toEqual([]);
    });
  });
}
