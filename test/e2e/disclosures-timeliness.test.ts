import { describe, expect, it } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import { aCompany } from '../support/record-mothers.ts';
import { daysAgo, penaltyAgainst, today } from '../support/workflow-mothers.ts';

/*
 * Timeliness in public: each record says its legal deadline (决定日期 + 7 个工作日, from the
 * working calendar) and whether it was published on time or how many working days late; a
 * search says how many records it finds.
 */

const deadlineOf = async (url: string, from: string) =>
  (await call(url, 'GET', `/v1/deadlines?from=${from}&workingDays=7`)).json;

describe('a public record', () => {
  it('published the day of its decision is on time, with the deadline the calendar gives', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    const id = await api.register(agency, penaltyAgainst(entity.uscc, 0));
    const expected = await deadlineOf(service.url, today());

    const record = (await api.publicRecord(id)).json;

    expect(record.disclosureDeadline).toEqual({
      due: expected.due,
      provisional: expected.provisional,
      workingDays: 7,
    });
    expect(record.publication).toEqual({ at: record.publishedAt, onTime: true, workingDaysLate: 0 });
  });

  it('published 40 days after its decision says how many working days late', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    const decided = daysAgo(40);
    const id = await api.register(agency, { ...penaltyAgainst(entity.uscc), decisionDate: decided });
    const { due } = await deadlineOf(service.url, decided);
    // Working days after the deadline up to today: the deadline of `n` working days from it reaches today.
    let late = 0;
    while (
      (await call(service.url, 'GET', `/v1/deadlines?from=${due}&workingDays=${late + 1}`)).json.due <=
      today()
    )
      late++;

    const record = (await api.publicRecord(id)).json;

    expect(record.disclosureDeadline.due).toBe(due);
    expect(record.publication).toMatchObject({ onTime: false, workingDaysLate: late });
    expect(late).toBeGreaterThan(15);
  });

  it('carries a one-line summary of what was decided', async ({ api, agency, entity }) => {
    const id = await api.register(agency, penaltyAgainst(entity.uscc));
    const record = (await api.publicRecord(id)).json;

    expect(record.summary).toBe(record.details.content.replace(/\s+/g, ' ').trim());
  });
});

describe('a public search', () => {
  it('counts what it finds on its first page, and the count holds across pages', async ({
    api,
    agency,
    parties,
  }) => {
    const company = await parties.entity(aCompany());
    for (let i = 0; i < 3; i++) await api.register(agency, penaltyAgainst(company.uscc));

    const first = await api.send('GET', `/v1/disclosures?uscc=${company.uscc}&limit=2`);
    const second = await api.send(
      'GET',
      `/v1/disclosures?uscc=${company.uscc}&limit=2&cursor=${first.json.cursor}`,
    );
    const none = await api.send('GET', `/v1/disclosures?uscc=${aCompany()}`);

    expect(first.json).toMatchObject({ total: 3, totalCapped: false });
    expect(first.json.items).toHaveLength(2);
    expect(second.json.items).toHaveLength(1);
    expect(second.json.total).toBeUndefined();
    expect(none.json).toMatchObject({ items: [], total: 0, totalCapped: false });
  });
});
