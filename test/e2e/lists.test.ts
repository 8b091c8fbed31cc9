import { describe, expect, it, type World } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import { CASE_STATED, exitBody, LIST_IT, listClient, proposalBody } from '../support/list-mothers.ts';
import { revocationBody } from '../support/workflow-mothers.ts';

/*
 * The credit lists end to end (国办发〔2020〕49号（八）; 济阳信用办〔2020〕2号（八）): a proposal
 * told to the entity, its statement, the listing, the public list and the entity's page, the
 * timers (reminder, end of hearing, overdue decision, end of validity) run with their clocks,
 * an objection shown as 异议处理中, early exit through repair.
 */

const get = (w: Pick<World, 'service'>, path: string, token?: string) =>
  call(w.service.url, 'GET', path, token ? { token } : {});
const post = (w: Pick<World, 'service'>, path: string, token: string, body: unknown) =>
  call(w.service.url, 'POST', path, { token, body });

/** The titles of `token`'s inbox, once the notifications sweep ran at `at` (a timer's events are dated then). */
async function inboxTitles(w: Pick<World, 'service'>, token: string, at?: Date): Promise<string[]> {
  await w.service.sweeps('notifications', at ? { clock: () => at } : {});
  const answer = await get(w, '/v1/inbox', token);
  return answer.json.items.map((n: { title: string }) => n.title);
}

describe('a listing, from the proposal to its removal at the end of validity', () => {
  it('is told to the entity, heard, listed, public, and removed with 移出日期 shown only to its parties', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    const w = { service };
    const record = await api.publishedPenalty(agency, entity);
    const proposed = await post(
      w,
      '/v1/lists/entries',
      agency.token,
      proposalBody(entity, record, { validityMonths: 1 }),
    );
    expect(proposed.status).toBe(201);
    const id = proposed.json.id as string;
    expect(proposed.json).toMatchObject({ status: 'proposed', statusLabel: '拟列入', agency: agency.uscc });
    expect(proposed.json.measures.map((m: { code: string }) => m.code)).toContain('restrict_procurement');
    // The hearing period is 5 working days from today, by the public deadline calculator.
    const today = proposed.json.proposedAt.slice(0, 10);
    const calc = await get(w, `/v1/deadlines?from=${today}&workingDays=5`);
    expect(proposed.json.hearing.due).toBe(calc.json.due);

    expect(await inboxTitles(w, entity.token)).toContain('拟列入名单告知');
    // Not public while proposed, and the agency may not decide before the party is heard.
    expect((await get(w, `/v1/lists/entries/${id}`)).status).toBe(404);
    const early = await post(w, `/v1/lists/entries/${id}/decision`, agency.token, LIST_IT);
    expect([early.status, early.json.code]).toEqual([409, 'hearing_period_open']);

    const stated = await post(w, `/v1/lists/entries/${id}/statement`, entity.token, CASE_STATED);
    expect(stated.json.statement.text).toBe(CASE_STATED.text);
    expect(await inboxTitles(w, agency.token)).toContain('当事人已陈述申辩');
    const listed = await post(w, `/v1/lists/entries/${id}/decision`, agency.token, LIST_IT);
    expect(listed.json).toMatchObject({
      status: 'listed',
      listedOn: expect.any(String),
      validUntil: expect.any(String),
    });

    const publicEntry = (await get(w, `/v1/lists/entries/${id}`)).json;
    expect(publicEntry).toMatchObject({
      id,
      statusLabel: '已列入',
      subject: { uscc: entity.uscc },
      underObjection: false,
    });
    expect(publicEntry).not.toHaveProperty('recordIds');
    for (const query of [
      `uscc=${entity.uscc}`,
      `agency=${agency.uscc}`,
      'type=serious_dishonesty',
      `name=${encodeURIComponent('名单科技')}`,
    ]) {
      const found = await api.list(agency.token, `/v1/lists?${query}`);
      expect(
        found.map((e) => e.id),
        query,
      ).toContain(id);
    }
    expect((await get(w, `/v1/lists?uscc=${entity.uscc}&type=key_attention`)).json.items).toEqual([]);

    // The end of validity: nothing happens a millisecond before the start of the next day.
    const expiry = new Date(`${listed.json.validUntil}T00:00:00+08:00`).getTime() + 24 * 3600 * 1000;
    const before = await service.sweeps('list-deadlines', { clock: () => new Date(expiry - 1) });
    expect(before.actions).not.toHaveProperty('expired');
    const at = await service.sweeps('list-deadlines', { clock: () => new Date(expiry) });
    expect(at.actions).toMatchObject({ expired: 1 });

    expect((await get(w, `/v1/lists/entries/${id}`)).status).toBe(404);
    expect((await get(w, `/v1/lists?uscc=${entity.uscc}`)).json.items).toEqual([]);
    const removedOn = new Date(expiry + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const mine = (await api.list(agency.token, '/v1/agency/lists?status=removed')).find((e) => e.id === id);
    expect(mine.removal).toMatchObject({ on: removedOn, reason: 'expired', reasonLabel: '有效期届满移出' });
    expect((await get(w, `/v1/lists/entries/${id}/case`, entity.token)).json.removal.on).toBe(removedOn);
    expect(await inboxTitles(w, entity.token, new Date(expiry))).toContain('已移出名单');
  });

  it('reminds the entity, tells the agency when the hearing ends, and escalates an overdue decision', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const w = { service };
    const lists = listClient(service);
    const id = await lists.proposed(agency, entity);
    const entry = (await get(w, `/v1/lists/entries/${id}/case`, agency.token)).json;
    const sweep = (instant: string) => service.sweeps('list-deadlines', { clock: () => new Date(instant) });

    expect((await sweep(entry.hearing.reminderAt)).actions).toMatchObject({ hearing_reminded: 1 });
    expect((await sweep(entry.hearing.dueAt)).actions).toMatchObject({ hearing_ended: 1 });
    expect((await sweep(entry.hearing.dueAt)).actions).toEqual({});
    expect((await sweep(entry.decisionDeadline.dueAt)).actions).toMatchObject({ decision_escalated: 1 });
    const later = new Date(entry.decisionDeadline.dueAt);
    expect(await inboxTitles(w, entity.token, later)).toContain('陈述申辩期限提醒：明日到期');
    expect(await inboxTitles(w, agency.token, later)).toEqual(
      expect.arrayContaining(['陈述申辩期满，请作出决定', '拟列入名单逾期未决定，已报告信用管理部门']),
    );
    expect(await inboxTitles(w, admin, later)).toContain('列入名单决定逾期报告');
    expect((await api.list(admin, '/v1/admin/escalations?kind=list-entry')).map((e) => e.id)).toContain(id);

    // The period is over without a statement: a statement now is refused, a decision taken.
    const late = await post(w, `/v1/lists/entries/${id}/statement`, entity.token, CASE_STATED);
    expect([late.status, late.json.code]).toEqual([409, 'hearing_period_over']);
    const decided = await post(w, `/v1/lists/entries/${id}/decision`, agency.token, {
      outcome: 'not_list',
      reason: '证据不足',
    });
    expect(decided.json.status).toBe('not_listed');
    expect((await api.list(admin, '/v1/admin/escalations?kind=list-entry')).map((e) => e.id)).not.toContain(
      id,
    );
  });
});

describe('objections and early exit', () => {
  it('shows 异议处理中 publicly until the objection is decided; an approved early exit removes the entry at once', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    const w = { service };
    const id = await listClient(service).listed(agency, entity);

    const objected = await post(w, `/v1/lists/entries/${id}/objection`, entity.token, {
      statement: '所依据的处罚已被复议撤销。',
    });
    expect(objected.status).toBe(200);
    const shown = (await get(w, `/v1/lists/entries/${id}`)).json;
    expect(shown).toMatchObject({ underObjection: true, statusLabel: '异议处理中' });
    expect((await get(w, `/v1/lists?uscc=${entity.uscc}`)).json.items[0].statusLabel).toBe('异议处理中');
    const twice = await post(w, `/v1/lists/entries/${id}/objection`, entity.token, { statement: '再次异议' });
    expect([twice.status, twice.json.code]).toEqual([409, 'objection_pending']);

    await post(w, `/v1/lists/entries/${id}/objection/decision`, agency.token, {
      outcome: 'rejected',
      reason: '复议维持原处罚',
    });
    expect((await get(w, `/v1/lists/entries/${id}`)).json).toMatchObject({
      underObjection: false,
      statusLabel: '已列入',
    });

    const applied = await post(w, `/v1/lists/entries/${id}/exit`, entity.token, exitBody());
    expect(applied.json.exit).toMatchObject({ kind: 'exit', deadline: { due: expect.any(String) } });
    expect((await get(w, `/v1/lists/entries/${id}`)).status).toBe(200);
    const approved = await post(w, `/v1/lists/entries/${id}/exit/decision`, agency.token, {
      outcome: 'upheld',
      reason: '已完成信用修复',
    });
    expect(approved.json).toMatchObject({ status: 'removed', removal: { reason: 'early_exit' } });
    expect((await get(w, `/v1/lists/entries/${id}`)).status).toBe(404);
    expect((await api.list(agency.token, `/v1/lists?uscc=${entity.uscc}`)).map((e) => e.id)).not.toContain(
      id,
    );
  });

  it('removes an entry whose objection is upheld, and refuses early exit from the serious list before its minimum period', async ({
    service,
    agency,
    entity,
  }) => {
    const w = { service };
    const lists = listClient(service);
    const wrong = await lists.objectedEntry(agency, entity);
    const upheld = await post(w, `/v1/lists/entries/${wrong}/objection/decision`, agency.token, {
      outcome: 'upheld',
      reason: '认定有误',
    });
    expect(upheld.json).toMatchObject({ status: 'removed', removal: { reason: 'objection_upheld' } });
    expect((await get(w, `/v1/lists/entries/${wrong}`)).status).toBe(404);

    const serious = await lists.listed(agency, entity, { type: 'serious_dishonesty' });
    const refused = await post(w, `/v1/lists/entries/${serious}/exit`, entity.token, exitBody());
    expect([refused.status, refused.json.code]).toEqual([422, 'minimum_listing_not_over']);
    // Listed today: the first day it may leave early is twelve months on.
    const listedOn = (await get(w, `/v1/lists/entries/${serious}`)).json.listedOn as string;
    expect(refused.json.details.firstAllowedDate).toBe(
      `${Number(listedOn.slice(0, 4)) + 1}${listedOn.slice(4)}`,
    );
  });
});

describe('who may list and act on an entry', () => {
  it('refuses a listing in another agency’s name and another agency’s decision, and changes nothing', async ({
    service,
    api,
    agency,
    otherAgency,
    entity,
  }) => {
    const w = { service };
    const record = await api.publishedPenalty(agency, entity);
    const forOther = await post(
      w,
      '/v1/lists/entries',
      agency.token,
      proposalBody(entity, record, { agency: otherAgency.uscc }),
    );
    expect([forOther.status, forOther.json.code]).toEqual([403, 'list_for_other_agency']);
    expect(await api.list(otherAgency.token, '/v1/agency/lists')).toEqual([]);

    const id = await listClient(service).heard(agency, entity);
    const theirs = await post(w, `/v1/lists/entries/${id}/decision`, otherAgency.token, LIST_IT);
    expect([theirs.status, theirs.json.code]).toEqual([403, 'list_entry_not_accessible']);
    expect((await get(w, `/v1/lists/entries/${id}/case`, agency.token)).json.status).toBe('proposed');
  });

  it('refuses records that are not about the subject or were revoked, naming the record', async ({
    service,
    api,
    agency,
    entity,
    otherEntity,
  }) => {
    const w = { service };
    const theirs = await api.publishedPenalty(agency, otherEntity);
    const answer = await post(w, '/v1/lists/entries', agency.token, proposalBody(entity, theirs));
    expect([answer.status, answer.json.code, answer.json.field]).toEqual([
      422,
      'record_not_about_subject',
      'body.recordIds[0]',
    ]);

    const own = await api.publishedPenalty(agency, entity);
    const revoked = await api.send('POST', `/v1/records/${own}/revocations`, {
      token: agency.token,
      body: revocationBody(),
    });
    expect(revoked.status).toBe(200);
    const onRevoked = await post(w, '/v1/lists/entries', agency.token, proposalBody(entity, own));
    expect([onRevoked.status, onRevoked.json.code, onRevoked.json.field]).toEqual([
      422,
      'record_revoked',
      'body.recordIds[0]',
    ]);
  });

  it('keeps a natural person’s entry out of public view, and lets the person read and answer it', async ({
    service,
    api,
    agency,
    person,
  }) => {
    const w = { service };
    const record = await api.personPenalty(agency, person);
    const body = proposalBody({ uscc: '' }, record, {
      type: 'key_attention',
      subject: { category: 'natural_person', name: '王建华', idNumber: person.idNumber },
    });
    const id = (await post(w, '/v1/lists/entries', agency.token, body)).json.id as string;
    expect((await post(w, `/v1/lists/entries/${id}/statement`, person.token, CASE_STATED)).status).toBe(200);
    expect((await post(w, `/v1/lists/entries/${id}/decision`, agency.token, LIST_IT)).json.status).toBe(
      'listed',
    );

    expect((await get(w, `/v1/lists/entries/${id}`)).status).toBe(404);
    const everything = JSON.stringify((await get(w, '/v1/lists?type=key_attention&limit=100')).json);
    expect(everything).not.toContain(person.idNumber);
    expect(everything).not.toContain(id);
    expect((await get(w, `/v1/lists/entries/${id}/case`, person.token)).json.status).toBe('listed');
  });
});
