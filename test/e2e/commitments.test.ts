import { addDays } from '../../shared/domain/dates.ts';
import { describe, expect, it, type World } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import { daysAgo, licenseAgainst, repairBody } from '../support/workflow-mothers.ts';

/*
 * 信用承诺 end to end: an approval under 告知承诺 and the commitment its agency registers,
 * public at once; a breach recorded with its finding, linked to the penalty it led to, makes
 * it 未履约 and tells the entity. An entity's own commitments name a receiver from the
 * directory; a verification not made in time is escalated and, made later, marked late; a
 * commitment in force at the end of its validity has been kept. A repair application's
 * 信用承诺书 appears as 信用修复型 by itself.
 */

const get = (w: Pick<World, 'service'>, path: string, token?: string) =>
  call(w.service.url, 'GET', path, token ? { token } : {});
const post = (w: Pick<World, 'service'>, path: string, token: string, body: unknown) =>
  call(w.service.url, 'POST', path, { token, body });

const today = () => daysAgo(0);
const approvalCommitment = (entity: { uscc: string }, recordId: string) => ({
  type: 'approval_substitute',
  uscc: entity.uscc,
  name: '济南市济阳区许可测试有限公司',
  matter: '食品经营许可（告知承诺制办理）',
  text: '本单位承诺已具备食品经营许可条件，所填信息真实；如有不实，愿承担撤销许可等法律责任。',
  madeOn: today(),
  validUntil: addDays(today(), 365),
  recordId,
});

describe('a commitment under 告知承诺', () => {
  it('is registered by the agency, public, and on a breach 未履约 linked to the new penalty', async ({
    service,
    api,
    agency,
    otherAgency,
    entity,
    otherEntity,
  }) => {
    const w = { service };
    const licence = await api.register(agency, licenseAgainst(entity.uscc));
    const made = await post(w, '/v1/commitments', agency.token, approvalCommitment(entity, licence));
    expect(made.status).toBe(201);
    const c = made.json;
    expect(c).toMatchObject({
      type: 'approval_substitute',
      typeLabel: '审批替代型',
      status: 'in_force',
      statusLabel: '履约中',
      receiver: agency.uscc,
      registeredBy: 'agency',
      recordId: licence,
      verified: false,
    });
    // The verification period is the calendar's: 10 working days from today.
    const period = await get(w, `/v1/deadlines?from=${today()}&workingDays=10`);
    expect(c.verification.due).toBe(period.json.due);

    const published = await get(w, `/v1/commitments?uscc=${entity.uscc}`);
    expect(published.json.items).toEqual([
      expect.objectContaining({ id: c.id, statusLabel: '履约中', matter: '食品经营许可（告知承诺制办理）' }),
    ]);
    expect(published.json.items[0]).not.toHaveProperty('verification');
    expect((await get(w, `/v1/commitments/${c.id}`)).json.id).toBe(c.id);

    // Only the receiving agency records a breach; the refusal changes nothing.
    const penalty = await api.publishedPenalty(agency, entity);
    const foreign = await post(w, `/v1/commitments/${c.id}/breach`, otherAgency.token, {
      finding: '经核查，承诺内容不实。',
      recordId: penalty,
    });
    expect([foreign.status, foreign.json.code]).toEqual([403, 'commitment_not_accessible']);
    // A record about another entity is not a consequence of this commitment.
    const elsewhere = await api.publishedPenalty(agency, otherEntity);
    const wrong = await post(w, `/v1/commitments/${c.id}/breach`, agency.token, {
      finding: '经核查，承诺内容不实。',
      recordId: elsewhere,
    });
    expect([wrong.status, wrong.json.code, wrong.json.field]).toEqual([
      422,
      'record_not_about_subject',
      'body.recordId',
    ]);
    expect((await get(w, `/v1/commitments/${c.id}`)).json.status).toBe('in_force');

    const breach = await post(w, `/v1/commitments/${c.id}/breach`, agency.token, {
      finding: '经现场核查，经营场所与承诺不符，承诺内容不实。',
      recordId: penalty,
    });
    expect(breach.status).toBe(200);
    expect(breach.json).toMatchObject({
      status: 'broken',
      statusLabel: '未履约',
      verified: true,
      breach: { recordId: penalty, finding: '经现场核查，经营场所与承诺不符，承诺内容不实。' },
    });
    const after = (await get(w, `/v1/commitments?uscc=${entity.uscc}`)).json.items[0];
    expect(after).toMatchObject({ statusLabel: '未履约', breach: { recordId: penalty } });
    // The record it links to is the published penalty.
    expect((await get(w, `/v1/disclosures/${after.breach.recordId}`)).json.kind).toBe('penalty');
    const again = await post(w, `/v1/commitments/${c.id}/breach`, agency.token, { finding: '再次记录。' });
    expect([again.status, again.json.code]).toEqual([409, 'commitment_closed']);

    await service.sweeps('notifications');
    const inbox = (await get(w, '/v1/inbox', entity.token)).json.items.map((n: { title: string }) => n.title);
    expect(inbox).toContain('信用承诺记录为未履约');
    const agencyList = await api.list(agency.token, '/v1/agency/commitments?status=broken');
    expect(agencyList.map((x) => x.id)).toContain(c.id);
  });
});

describe("an entity's own commitment", () => {
  it('names a receiver from the directory; unverified in time it is escalated; at the end of validity it is kept', async ({
    service,
    api,
    agency,
    parties,
    otherEntity,
    admin,
  }) => {
    const w = { service };
    const entity = await parties.entity();
    const body = {
      type: 'voluntary',
      uscc: entity.uscc,
      name: '济南市济阳区诚信测试有限公司',
      matter: '主动公开信用承诺',
      text: '本单位承诺诚信经营，依法纳税，不拖欠工资。',
      madeOn: today(),
      validUntil: addDays(today(), 30),
    };
    const noReceiver = await post(w, '/v1/commitments', entity.token, body);
    expect([noReceiver.status, noReceiver.json.code, noReceiver.json.field]).toEqual([
      422,
      'receiver_required',
      // Absent from the body, so named as the domain names it.
      'receiver',
    ]);
    const unknown = await post(w, '/v1/commitments', entity.token, { ...body, receiver: agency.uscc });
    expect([unknown.status, unknown.json.code]).toEqual([422, 'unknown_receiver']);
    const put = await api.send('PUT', `/v1/agencies/${agency.uscc}`, {
      token: admin,
      body: { name: '济阳区市场监督管理局' },
    });
    expect(put.status).toBeLessThan(300);
    const forOther = await post(w, '/v1/commitments', entity.token, {
      ...body,
      uscc: otherEntity.uscc,
      receiver: agency.uscc,
    });
    expect([forOther.status, forOther.json.code]).toEqual([403, 'commitment_for_other_entity']);
    const notTheirs = await post(w, '/v1/commitments', entity.token, {
      ...body,
      type: 'approval_substitute',
      receiver: agency.uscc,
    });
    expect([notTheirs.status, notTheirs.json.code]).toEqual([422, 'commitment_type_not_voluntary']);
    const future = await post(w, '/v1/commitments', entity.token, {
      ...body,
      receiver: agency.uscc,
      madeOn: addDays(today(), 1),
    });
    expect([future.status, future.json.code, future.json.field]).toEqual([
      422,
      'commitment_date_in_future',
      'body.madeOn',
    ]);
    expect((await get(w, `/v1/commitments?uscc=${entity.uscc}`)).json.items).toEqual([]);

    const made = await post(w, '/v1/commitments', entity.token, { ...body, receiver: agency.uscc });
    expect(made.status).toBe(201);
    const c = made.json;
    expect(c).toMatchObject({ registeredBy: 'entity', receiver: agency.uscc, typeLabel: '主动型' });

    const dueAt = c.verification.dueAt as string;
    const early = await service.sweeps('commitment-deadlines', {
      clock: () => new Date(Date.parse(dueAt) - 1),
    });
    expect(early.actions).toEqual({});
    const due = await service.sweeps('commitment-deadlines', { clock: () => new Date(dueAt) });
    expect(due.actions).toEqual({ escalated: 1 });
    await service.sweeps('notifications', { clock: () => new Date(dueAt) });
    const office = (await get(w, '/v1/inbox', admin)).json.items.map((n: { title: string }) => n.title);
    expect(office).toContain('信用承诺逾期未核查报告');

    const verified = await post(w, `/v1/commitments/${c.id}/verification`, agency.token, {
      finding: '经核查，承诺内容属实。',
    });
    expect(verified.status).toBe(200);
    expect(verified.json).toMatchObject({ verified: true, verification: { late: true }, status: 'in_force' });
    const twice = await post(w, `/v1/commitments/${c.id}/verification`, agency.token, {
      finding: '再次核查。',
    });
    expect([twice.status, twice.json.code]).toEqual([409, 'commitment_verified']);

    // Kept at 00:00 after the last day of validity, not a millisecond before.
    const end = new Date(`${addDays(body.validUntil, 1)}T00:00:00+08:00`);
    const before = await service.sweeps('commitment-deadlines', { clock: () => new Date(end.getTime() - 1) });
    expect(before.actions).toEqual({});
    const kept = await service.sweeps('commitment-deadlines', { clock: () => end });
    expect(kept.actions).toEqual({ kept: 1 });
    expect((await get(w, `/v1/commitments/${c.id}`)).json).toMatchObject({
      status: 'kept',
      statusLabel: '已履约',
      keptOn: addDays(body.validUntil, 1),
    });
  });
});

describe("a repair application's commitment", () => {
  it('appears as 信用修复型, received by the deciding agency', async ({ service, api, agency, parties }) => {
    const entity = await parties.entity();
    const record = await api.publishedPenalty(agency, entity);
    const repair = await api.repaired(entity, record);
    const items = (await get({ service }, `/v1/commitments?uscc=${entity.uscc}`)).json.items;
    expect(items).toEqual([
      expect.objectContaining({
        type: 'credit_repair',
        typeLabel: '信用修复型',
        receiver: agency.uscc,
        text: repairBody(record).commitment.text,
        recordId: record,
        statusLabel: '履约中',
      }),
    ]);
    const own = await api.list(entity.token, '/v1/entity/commitments');
    expect(own[0]).toMatchObject({ registeredBy: 'repair', repairId: repair });
  });
});
