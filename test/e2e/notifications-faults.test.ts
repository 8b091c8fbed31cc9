import { createServer } from 'node:net';
import { type CaughtMail, type MailCatcher, startMailCatcher } from '../../local/mail-catcher.ts';
import { MAIL_RETRY } from '../../shared/domain/notifications/delivery.ts';
import { describe, it as e2e, expect } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import { confirmedAddress, mailsTo } from '../support/mail.ts';

/*
 * A mail server that is down delays mail and loses none: with SMTP refusing connections,
 * 50 objections are filed (each answered at once), every notice is in the inboxes and no
 * mail leaves; when the server is back, exactly one mail per (event, recipient) arrives.
 * The SMTP server is a real one on a fixed local port, stopped and started by the test.
 */

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const port = await freePort();
let catcher: MailCatcher | undefined;
const caught: CaughtMail[] = [];
/** Every message received by any incarnation of the server, in order. */
const mails = () => [...caught, ...(catcher?.messages() ?? [])];
const serverUp = async () => {
  catcher = await startMailCatcher(port);
};
const serverDown = async () => {
  caught.push(...(catcher?.messages() ?? []));
  await catcher?.stop();
  catcher = undefined;
};

const it = e2e.override('serviceOptions', { mailUrl: `smtp://127.0.0.1:${port}` });

const ENTITY_MAIL = 'faults-entity@example.com';
const AGENCY_MAIL = 'faults-agency@example.gov.cn';
const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);

describe('notifications while the mail server is down', () => {
  let records: string[];

  it.beforeAll(async ({ service, api, agency, entity }) => {
    await serverUp();
    await confirmedAddress(service, entity.token, ENTITY_MAIL, mails);
    await confirmedAddress(service, agency.token, AGENCY_MAIL, mails);
    records = await Promise.all(Array.from({ length: 51 }, () => api.publishedPenalty(agency, entity)));
    await service.sweeps('notifications');
  });
  e2e.afterAll(serverDown);

  it('50 events: 0 mails, 0 notices lost; back up: exactly 50 × 2 mails, none twice', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    await serverDown();
    const sentBefore = mails().length;
    const filed = await Promise.all(records.slice(0, 50).map((id) => api.objected(entity, id)));
    expect(new Set(filed).size).toBe(50);

    const down = await service.sweeps('notifications');

    expect(down.actions).toMatchObject({ notified: 50, 'mail-retry-later': 100 });
    expect(mails()).toHaveLength(sentBefore);
    const told = async (token: string) =>
      (await api.list(token, '/v1/inbox')).filter((n) => n.type === 'objection-filed').length;
    expect([await told(entity.token), await told(agency.token)]).toEqual([50, 50]);

    await serverUp();
    const up = await service.sweeps('notifications', { clock: later(5) });
    const again = await service.sweeps('notifications', { clock: later(60) });

    expect(up.actions).toEqual({ 'mail-sent': 100 });
    expect(again.actions).toEqual({});
    const fresh = mails().slice(sentBefore);
    expect(mailsTo(fresh, ENTITY_MAIL)).toHaveLength(50);
    expect(mailsTo(fresh, AGENCY_MAIL)).toHaveLength(50);
    expect(new Set(fresh.map((m) => m.messageId)).size).toBe(100);
  });

  it('gives a mail up after its retries onto the credit office list, and sends it when asked', async ({
    service,
    api,
    entity,
    admin,
  }) => {
    await serverDown();
    await api.objected(entity, records[50] as string);
    await service.sweeps('notifications');
    // Each run far enough on that every delivery is due again, until the last attempt fails.
    for (let attempt = 2; attempt <= MAIL_RETRY.maxAttempts; attempt++)
      await service.sweeps('notifications', { clock: later(attempt * 180) });

    const dead = await call(service.url, 'GET', '/v1/admin/mail/dead-letters', { token: admin });
    expect(dead.status).toBe(200);
    expect(dead.json.items).toHaveLength(2);
    expect(dead.json.items[0]).toMatchObject({ kind: 'notification', attempts: MAIL_RETRY.maxAttempts });
    expect(JSON.stringify(dead.json)).not.toContain(ENTITY_MAIL);

    await serverUp();
    const sentBefore = mails().length;
    for (const item of dead.json.items) {
      const retried = await call(service.url, 'POST', `/v1/admin/mail/dead-letters/${item.id}/retry`, {
        token: admin,
      });
      expect(retried.status).toBe(200);
    }
    const report = await service.sweeps('notifications', { clock: later(40 * 60) });

    expect(report.actions).toEqual({ 'mail-sent': 2 });
    expect(
      mails()
        .slice(sentBefore)
        .map((m) => m.subject),
    ).toEqual(expect.arrayContaining([expect.stringContaining('已收到您的异议')]));
    expect(
      (await call(service.url, 'GET', '/v1/admin/mail/dead-letters', { token: admin })).json.items,
    ).toEqual([]);
  });
});
