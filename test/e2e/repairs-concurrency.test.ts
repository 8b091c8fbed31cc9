import { describe, expect, it, type World } from '../support/e2e.ts';
import { expectProblem } from '../support/http.ts';
import { APPROVE, REFUSE_REPAIR, repairBody } from '../support/workflow-mothers.ts';

/** A repairable penalty about the entity with a repair application pending: both ids. */
async function pendingRepair({ api, agency, entity }: Pick<World, 'api' | 'agency' | 'entity'>) {
  const recordId = await api.publishedPenalty(agency, entity);
  return { recordId, repairId: await api.repaired(entity, recordId) };
}

const document = ({ api, entity }: Pick<World, 'api' | 'entity'>, repairId: string) =>
  api.send('GET', `/v1/repairs/${repairId}/decision-document`, { token: entity.token });

describe('concurrent decisions on one repair application', () => {
  it.for([2, 10])(
    'lets exactly one of %i (approve against reject) win; the record and the document match the winner',
    async (count, { api, agency, entity }) => {
      const { recordId, repairId } = await pendingRepair({ api, agency, entity });
      const bodies = Array.from({ length: count }, (_, n) => (n % 2 === 0 ? APPROVE : REFUSE_REPAIR));

      const answers = await Promise.all(bodies.map((body) => api.decideRepair(agency.token, repairId, body)));

      expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(count - 1).fill(409)]);
      for (const lost of answers.filter((a) => a.status !== 200)) expectProblem(lost, 409, lost.json.code);
      const winner = answers.find((a) => a.status === 200);
      const approved = winner?.json.status === 'approved';
      const [seen, detail, doc, record] = await Promise.all([
        api.repair(entity.token, repairId),
        api.publicRecord(recordId),
        document({ api, entity }, repairId),
        api.send('GET', `/v1/records/${recordId}`, { token: agency.token }),
      ]);
      expect(seen.json).toMatchObject({ status: winner?.json.status, decision: winner?.json.decision });
      expect(detail.status).toBe(approved ? 404 : 200);
      expect(doc.status).toBe(approved ? 200 : 404);
      expect(record.json.repair).toBeUndefined();
      expect(record.json.publicationEnd?.reason).toBe(approved ? 'repaired' : undefined);
    },
  );
});

describe('concurrent filings', () => {
  it('files exactly one application when the entity sends five at once; the others are refused', async ({
    api,
    agency,
    entity,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => api.fileRepair(entity, repairBody(recordId))),
    );
    const mine = await api.list(entity.token, '/v1/entity/repairs');

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const lost of answers.filter((a) => a.status !== 201)) {
      expect([409, 422]).toContain(lost.status);
      expectProblem(lost, lost.status, lost.json.code);
    }
    expect(mine.filter((r) => r.recordId === recordId)).toHaveLength(1);
  });
});
