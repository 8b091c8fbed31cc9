import { describe, expect, it } from 'vitest';
import { hashState } from '../../../shared/domain/audit.ts';
import { ConflictError } from '../../../shared/domain/errors.ts';
import { TransactionTooLargeError } from '../../../shared/domain/records/errors.ts';
import { penaltyInput } from '../record-builders.ts';
import { aCompany, anAgency, recordOf } from '../record-mothers.ts';
import { changed, newRecord } from './aggregates.ts';
import type { MakePorts } from './ports.ts';

/** 81 different characters: 80 different bigrams, the most a name is indexed by. */
const longName = (first: number) =>
  Array.from({ length: 81 }, (_, i) => String.fromCharCode(first + i * 3)).join('');

/**
 * What the domain relies on of a RecordStore, method by method. Run against the in-memory
 * fake (test/unit) and the DynamoDB repository (test/integration), so the fake the rule tests
 * use behaves like the store the service runs on.
 */
export function recordStoreContract(makePorts: MakePorts): void {
  describe('RecordStore', () => {
    it('create, then get: the record as written; an unknown id: nothing', async () => {
      const { records } = await makePorts();
      const { record, audit } = newRecord();

      await records.create(record, audit);

      expect(await records.get(record.id)).toEqual(record);
      expect(await records.get('rec_00000000000000000000000000')).toBeUndefined();
    });

    it('create refuses a second record under a document number the agency holds, not another agency', async () => {
      const { records } = await makePorts();
      const input = penaltyInput({ decisionDate: '2026-09-30' });
      const first = newRecord(input);
      await records.create(first.record, first.audit);

      const same = newRecord({ ...input, remarks: '另一条' });
      const other = newRecord(input, { agency: anAgency() });

      await expect(records.create(same.record, same.audit)).rejects.toMatchObject({
        code: 'document_number_conflict',
      });
      await records.create(other.record, other.audit);
      expect(await records.get(same.record.id)).toBeUndefined();
      expect(await records.get(other.record.id)).toBeDefined();
    });

    it('getMany: the records found, in the order asked, the missing left out', async () => {
      const { records } = await makePorts();
      const [a, b] = [newRecord(), newRecord()];
      await records.create(a.record, a.audit);
      await records.create(b.record, b.audit);

      const found = await records.getMany([b.record.id, 'rec_00000000000000000000000000', a.record.id]);

      expect(found.map((r) => r.id)).toEqual([b.record.id, a.record.id]);
    });

    it('findByDocument: the claim of a number, found in any width; a moved number retires the old claim', async () => {
      const { records } = await makePorts();
      const input = penaltyInput({ decisionDate: '2026-09-30', documentNumber: '济市监罚〔2026〕A12号' });
      const { record, audit } = newRecord(input);
      await records.create(record, audit);
      const wide = '济市监罚〔2026〕Ａ１２号';

      const claim = await records.findByDocument(record.authority.uscc, 'penalty', wide);
      const moved = changed(record, { content: { ...input, documentNumber: '济市监罚〔2026〕B7号' } });
      await records.save(record, moved.after, moved.audit);

      expect(claim).toMatchObject({ recordId: record.id, contentHash: hashState(input) });
      expect(
        await records.findByDocument(record.authority.uscc, 'penalty', input.documentNumber),
      ).toMatchObject({
        recordId: record.id,
        retired: true,
      });
      expect(
        await records.findByDocument(record.authority.uscc, 'penalty', '济市监罚〔2026〕B7号'),
      ).toMatchObject({
        recordId: record.id,
      });
      expect(
        await records.findByDocument(record.authority.uscc, 'license', input.documentNumber),
      ).toBeUndefined();
    });

    it('a revocation retires the claim: a new record may take the number, the claim then names it', async () => {
      const { records } = await makePorts();
      const input = penaltyInput({ decisionDate: '2026-09-30' });
      const { record, audit } = newRecord(input);
      await records.create(record, audit);
      const revoked = changed(record, { status: 'revoked' as const });
      await records.save(record, revoked.after, revoked.audit);

      const retired = await records.findByDocument(record.authority.uscc, 'penalty', input.documentNumber);
      const next = newRecord({ ...input, decisionDate: '2026-10-08' });
      await records.create(next.record, next.audit);

      expect(retired).toMatchObject({ recordId: record.id, retired: true });
      const claim = await records.findByDocument(record.authority.uscc, 'penalty', input.documentNumber);
      expect(claim).toMatchObject({ recordId: next.record.id, contentHash: hashState(next.record.content) });
      expect(claim?.retired).toBeFalsy();
      expect((await records.get(record.id))?.status).toBe('revoked');
    });

    it('save replaces a record nobody changed meanwhile, and refuses a stale copy, keeping the winner', async () => {
      const { records } = await makePorts();
      const { record, audit } = newRecord();
      await records.create(record, audit);
      const winner = changed(record, {
        disclosure: { ...record.disclosure, remindedAt: '2026-10-10T02:00:00.000Z' },
      });
      const loser = changed(record, { overdue: { at: '2026-10-10T00:00:00Z' } });

      await records.save(record, winner.after, winner.audit);
      const stale = records.save(record, loser.after, loser.audit);

      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await expect(stale).rejects.toMatchObject({ code: 'record_changed' });
      expect(await records.get(record.id)).toEqual(winner.after);
    });

    it('save refuses, whole, a change whose index updates do not fit one transaction', async () => {
      const { records } = await makePorts();
      const input = penaltyInput({ decisionDate: '2026-09-30' });
      const named = {
        ...input,
        subject: { category: 'legal_person' as const, name: longName(0x4e00), uscc: aCompany() },
      };
      const { record, audit } = newRecord(named, { publishedAt: '2026-10-09T10:00:00+08:00' });
      await records.create(record, audit);
      const renamed = changed(record, {
        content: { ...named, subject: { ...named.subject, name: longName(0x5e00) } },
      });

      await expect(records.save(record, renamed.after, renamed.audit)).rejects.toBeInstanceOf(
        TransactionTooLargeError,
      );
      expect(await records.get(record.id)).toEqual(record);
    });

    it("listForAgency: one status of one agency's records, by due instant, those due before an instant, in pages", async () => {
      const { records } = await makePorts();
      const agency = anAgency();
      const dates = ['2026-09-25', '2026-09-30', '2026-09-28'];
      const made = dates.map((decisionDate) => newRecord(penaltyInput({ decisionDate }), { agency }));
      const published = newRecord(penaltyInput({ decisionDate: '2026-09-29' }), {
        agency,
        publishedAt: '2026-10-09T10:00:00+08:00',
      });
      const others = newRecord(penaltyInput({ decisionDate: '2026-09-29' }), { agency: anAgency() });
      for (const { record, audit } of [...made, published, others]) await records.create(record, audit);
      const [sep25, sep30, sep28] = made.map((m) => m.record.id);

      const first = await records.listForAgency({ agency, status: 'registered', limit: 2 });
      const rest = await records.listForAgency({
        agency,
        status: 'registered',
        limit: 2,
        cursor: first.cursor,
      });
      const overdue = await records.listForAgency({
        agency,
        status: 'registered',
        dueBefore: '2026-10-14T00:00:00+08:00',
        limit: 10,
      });

      expect([...first.items, ...rest.items].map((r) => r.id)).toEqual([sep25, sep28, sep30]);
      expect(rest.cursor).toBeUndefined();
      expect(overdue.items.map((r) => r.id)).toEqual([sep25]);
      expect(
        (await records.listForAgency({ agency, status: 'published', limit: 10 })).items.map((r) => r.id),
      ).toEqual([published.record.id]);
    });

    it('searchPublic: published records matching every filter, newest decision first, in pages', async () => {
      const { records } = await makePorts();
      const agency = anAgency();
      const company = aCompany();
      const subject = {
        category: 'legal_person' as const,
        name: '济南市济阳区契约测试有限公司',
        uscc: company,
      };
      const at = { agency, publishedAt: '2026-10-09T10:00:00+08:00' };
      const older = newRecord(penaltyInput({ decisionDate: '2026-09-01', subject }), at);
      const newer = newRecord(penaltyInput({ decisionDate: '2026-09-20', subject }), at);
      const licence = newRecord(recordOf('license', { decisionDate: '2026-09-10', subject }), at);
      const unpublished = newRecord(penaltyInput({ decisionDate: '2026-09-15', subject }), { agency });
      for (const { record, audit } of [older, newer, licence, unpublished])
        await records.create(record, audit);
      const ids = async (query: Record<string, unknown>) => {
        const page = await records.searchPublic({ limit: 10, ...query });
        return page.items.map((r) => r.id);
      };

      const byCompany = await records.searchPublic({ uscc: company, limit: 2 });
      const next = await records.searchPublic({ uscc: company, limit: 2, cursor: byCompany.cursor });

      expect([...byCompany.items, ...next.items].map((r) => r.id)).toEqual([
        newer.record.id,
        licence.record.id,
        older.record.id,
      ]);
      expect(await ids({ name: '契约测试', agency })).toEqual([
        newer.record.id,
        licence.record.id,
        older.record.id,
      ]);
      expect(await ids({ agency, kind: 'license' })).toEqual([licence.record.id]);
      expect(await ids({ uscc: company, from: '2026-09-05', to: '2026-09-15' })).toEqual([licence.record.id]);
      expect(await ids({ uscc: company, kind: 'coercion' })).toEqual([]);
    });
  });
}
