import { contactRepository } from '../../shared/store/contact-repository.ts';
import { describe, expect, it } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import { confirmedAddress, mailsTo } from '../support/mail.ts';
import { penaltyAgainst } from '../support/workflow-mothers.ts';

/*
 * Everyone concerned is told, in the app and by e-mail over real SMTP (the embedded catcher):
 * an objection's receipt to the entity and to the agency within one sweep, the outcome, the
 * reminder before a disclosure deadline exactly once, and nothing but the confirmation to an
 * address that was not confirmed.
 */

const ENTITY_MAIL = 'entity@example.com';
const AGENCY_MAIL = 'agency@example.gov.cn';

const inbox = async (url: string, token: string) => (await call(url, 'GET', '/v1/inbox', { token })).json;

describe('an objection, told to everyone concerned', () => {
  let recordId: string;
  let objectionId: string;

  it.beforeAll(async ({ service, api, agency, entity }) => {
    const mails = () => service.mail.messages();
    await confirmedAddress(service, entity.token, ENTITY_MAIL, mails);
    await confirmedAddress(service, agency.token, AGENCY_MAIL, mails);
    recordId = await api.publishedPenalty(agency, entity);
    await service.sweeps('notifications');
  });

  it('tells the entity and the agency of the objection within one sweep, in the inbox and by mail', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    const before = service.mail.messages().length;
    objectionId = await api.objected(entity, recordId);
    const due = (await api.objection(entity.token, objectionId)).json.deadline.due as string;

    const report = await service.sweeps('notifications');

    expect(report.actions).toMatchObject({ notified: 1, 'mail-sent': 2 });
    const mine = await inbox(service.url, entity.token);
    const receipt = mine.items.find((n: { type: string }) => n.type === 'objection-filed');
    expect(receipt.lines.join('\n')).toContain(objectionId);
    expect(receipt.lines.join('\n')).toContain(due);
    expect(receipt.read).toBe(false);
    const theirs = await inbox(service.url, agency.token);
    expect(theirs.items.filter((n: { type: string }) => n.type === 'objection-filed')).toHaveLength(1);

    const fresh = service.mail.messages().slice(before);
    const toEntity = mailsTo(fresh, ENTITY_MAIL);
    expect(toEntity).toHaveLength(1);
    expect(toEntity[0]?.subject).toContain('已收到您的异议');
    expect(toEntity[0]?.text).toContain(objectionId);
    expect(toEntity[0]?.text).toContain(due);
    expect(toEntity[0]?.html).toContain(objectionId);
    expect(mailsTo(fresh, AGENCY_MAIL)).toHaveLength(1);
  });

  it('a second sweep sends nothing again', async ({ service }) => {
    const before = service.mail.messages().length;
    const report = await service.sweeps('notifications');
    expect(report.actions).toEqual({});
    expect(service.mail.messages()).toHaveLength(before);
  });

  it("tells the entity the outcome, with the agency's reasons", async ({ service, api, agency, entity }) => {
    const decided = await api.decideObjection(agency.token, objectionId, {
      outcome: 'rejected',
      reason: '经核实，公示信息与处罚决定书一致',
    });
    expect(decided.status).toBe(200);

    await service.sweeps('notifications');

    const outcome = (await inbox(service.url, entity.token)).items.find(
      (n: { type: string }) => n.type === 'objection-decided',
    );
    expect(outcome.title).toBe('异议处理结果');
    expect(outcome.lines).toContain('处理结果：异议不成立');
    expect(outcome.lines).toContain('理由：经核实，公示信息与处罚决定书一致');
    expect(outcome.basis).toContain('第三十九条');
    const mail = mailsTo(service.mail.messages(), ENTITY_MAIL).at(-1);
    expect(mail?.subject).toContain('异议处理结果');
  });

  it('marks a notice read once and lowers the unread count', async ({ service, entity }) => {
    const before = await inbox(service.url, entity.token);
    const unread = before.items.find((n: { read: boolean }) => !n.read);

    const first = await call(service.url, 'POST', `/v1/inbox/${unread.id}/read`, { token: entity.token });
    const again = await call(service.url, 'POST', `/v1/inbox/${unread.id}/read`, { token: entity.token });

    expect([first.status, again.status]).toEqual([200, 200]);
    expect(first.json.read).toBe(true);
    expect(again.json.readAt).toBe(first.json.readAt);
    expect((await inbox(service.url, entity.token)).unread).toBe(before.unread - 1);
  });

  it("answers another party's notice exactly as one that does not exist", async ({
    service,
    entity,
    otherEntity,
    agency,
  }) => {
    const id = (await inbox(service.url, entity.token)).items[0].id as string;
    const missing = `${id.slice(0, 20)}0123456789abcdef`;
    for (const token of [otherEntity.token, agency.token]) {
      const theirs = await call(service.url, 'POST', `/v1/inbox/${id}/read`, { token });
      const none = await call(service.url, 'POST', `/v1/inbox/${missing}/read`, { token });
      // The same answer but for the path it names (`instance`) and the request's own id.
      const same = ({ status, json }: { status: number; json: Record<string, unknown> }) => {
        const { instance: _path, requestId: _request, ...rest } = json;
        return { status, ...rest };
      };
      expect(same(theirs)).toEqual(same(none));
      expect(theirs.status).toBe(404);
      expect(theirs.json.code).toBe('notification_not_accessible');
    }
    const after = await inbox(service.url, entity.token);
    expect(after.items.find((n: { id: string }) => n.id === id)).toBeDefined();
  });
});

describe('an address not yet confirmed', () => {
  it('gets its confirmation and nothing else, though its party is told in the app', async ({
    service,
    api,
    agency,
    otherEntity,
  }) => {
    const email = 'unconfirmed@example.com';
    const put = await call(service.url, 'PUT', '/v1/contact', { token: otherEntity.token, body: { email } });
    expect(put.status).toBe(202);
    expect(put.json).toMatchObject({ email, status: 'pending' });
    const record = await api.publishedPenalty(agency, otherEntity);
    await api.objected(otherEntity, record);

    await service.sweeps('notifications');
    await service.sweeps('notifications');

    const received = mailsTo(service.mail.messages(), email);
    expect(received.map((m) => m.subject)).toEqual(['【济阳区信用信息公示】请确认您的通知邮箱']);
    const told = (await inbox(service.url, otherEntity.token)).items.map((n: { type: string }) => n.type);
    expect(told).toEqual(expect.arrayContaining(['record-published', 'objection-filed']));
    const contact = await call(service.url, 'GET', '/v1/contact', { token: otherEntity.token });
    expect(contact.json.status).toBe('pending');
  });

  it('refuses a confirmation link that was never sent, naming the token', async ({ service }) => {
    const answer = await call(service.url, 'POST', '/v1/contact/confirmation', {
      body: { token: 'B'.repeat(43) },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe('contact_token_invalid');
  });
});

describe('the reminder one working day before a disclosure deadline', () => {
  it('is one notice per record, however often the sweeps run', async ({ service, api, parties }) => {
    const agency = await parties.agency();
    const entity = await parties.entity();
    const ids = await Promise.all(
      [0, 1].map(() => api.register(agency, penaltyAgainst(entity.uscc, 0), false)),
    );
    const record = await call(service.url, 'GET', `/v1/records/${ids[0]}`, { token: agency.token });
    const reminderAt = new Date(record.json.disclosureDeadline.reminderAt as string);
    const clock = () => new Date(reminderAt.getTime() + 60_000);

    for (let run = 0; run < 3; run++) {
      await service.sweeps('disclosure-deadlines', { clock });
      await service.sweeps('notifications', { clock });
    }

    const reminders = (await inbox(service.url, agency.token)).items.filter(
      (n: { type: string }) => n.type === 'reminder',
    );
    expect(reminders).toHaveLength(2);
    expect(reminders.map((n: { link: string }) => n.link).sort()).toEqual(
      ids.map((id) => `workbench-record.html?id=${id}`).sort(),
    );
    expect(reminders[0].title).toBe('公示期限提醒：明日到期');
  });
});

describe('an address that bounced', () => {
  it('gets no more mail once SES reports it, while its party is still told in the app', async ({
    service,
    api,
    parties,
    store,
  }) => {
    const agency = await parties.agency();
    const entity = await parties.entity();
    const email = 'bounced@example.com';
    await confirmedAddress(service, entity.token, email, () => service.mail.messages());
    const record = await api.publishedPenalty(agency, entity);
    await service.sweeps('notifications');
    const before = mailsTo(service.mail.messages(), email).length;

    // What the bounce function does with SES's report (SES itself cannot run here).
    const stopped = await contactRepository(store).suppress(email, 'bounce', new Date());
    await api.objected(entity, record);
    const report = await service.sweeps('notifications');

    expect(stopped).toBe(1);
    expect(report.actions['mail-sent'] ?? 0).toBe(0);
    expect(mailsTo(service.mail.messages(), email)).toHaveLength(before);
    const contact = await call(service.url, 'GET', '/v1/contact', { token: entity.token });
    expect(contact.json).toMatchObject({ email, status: 'suppressed' });
    const told = (await inbox(service.url, entity.token)).items.map((n: { type: string }) => n.type);
    expect(told).toContain('objection-filed');
  });
});

describe("the credit office's daily digest", () => {
  it('names each agency with overdue records, once a day however often it runs', async ({
    service,
    api,
    parties,
    admin,
  }) => {
    const agency = await parties.agency();
    const entity = await parties.entity();
    const named = await call(service.url, 'PUT', `/v1/agencies/${agency.uscc}`, {
      token: admin,
      body: { name: '济阳区日报测试局' },
    });
    expect(named.status).toBe(201);
    await api.register(agency, penaltyAgainst(entity.uscc, 30), false);

    const first = await service.sweeps('office-digest');
    const second = await service.sweeps('office-digest');
    await service.sweeps('notifications');

    expect([first.actions, second.actions]).toEqual([{ 'digest-written': 1 }, { 'digest-exists': 1 }]);
    const digests = (await inbox(service.url, admin)).items.filter(
      (n: { type: string }) => n.type === 'overdue-digest',
    );
    expect(digests).toHaveLength(1);
    expect(digests[0].lines.join('\n')).toContain('济阳区日报测试局：逾期未公示 1 条');
  });
});
