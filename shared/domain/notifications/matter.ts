import type { CheckStore } from '../checks/ports.ts';
import type { CommitmentStore } from '../commitments/ports.ts';
import type { DomainEvent } from '../events.ts';
import type { ListStore } from '../lists/ports.ts';
import type { RecordStore } from '../records/ports.ts';
import type { DisclosureRecord } from '../records/record.ts';
import { isShownAt } from '../records/shown.ts';
import type { WorkflowStore } from '../workflows/ports.ts';
import type { Matter, MatterPort } from './notices.ts';
import { partyOfFiling, partyOfSubject } from './recipients.ts';

/**
 * What an event is about, read from the store when its notices are made: the party to tell
 * (a person's events name nobody on purpose, so it is read here, inside the service), the
 * record by its kind and document number, a filing's due date and decision. Undefined when
 * the aggregate is gone: then nobody can be told, and the event is marked done all the same.
 */
export function makeMatterOf({
  records,
  workflows,
  lists,
  checks,
  commitments,
  clock,
}: {
  records: Pick<RecordStore, 'get'>;
  workflows: Pick<WorkflowStore, 'getObjection' | 'getRepair'>;
  lists: Pick<ListStore, 'get'>;
  checks: Pick<CheckStore, 'get'>;
  commitments: Pick<CommitmentStore, 'get'>;
  clock: () => Date;
}): MatterPort {
  const recordPart = (record: DisclosureRecord) => ({
    id: record.id,
    kind: record.content.kind,
    documentNumber: record.content.documentNumber,
    public: isShownAt(record, clock()),
    published: record.publication !== undefined,
  });

  return async (event: DomainEvent): Promise<Matter | undefined> => {
    const { subject } = event;
    if (subject.kind === 'office') return { agency: '' };
    if (subject.kind === 'list-entry') {
      const entry = await lists.get(subject.id);
      if (!entry) return undefined;
      return {
        party: partyOfSubject(entry.subject),
        agency: entry.agency,
        list: {
          id: entry.id,
          type: entry.type,
          subjectName: entry.subject.name,
          basis: entry.basis,
          hearingDue: entry.hearing.due,
          decisionDue: entry.decisionDeadline.due,
          ...(entry.validUntil ? { validUntil: entry.validUntil } : {}),
          ...(entry.removal ? { removedOn: entry.removal.on } : {}),
        },
      };
    }
    if (subject.kind === 'check') {
      const check = await checks.get(subject.id);
      if (!check) return undefined;
      return {
        agency: check.agency,
        check: { id: check.id, matter: check.matter.name, due: check.deadline.due, uscc: check.uscc },
      };
    }
    if (subject.kind === 'commitment') {
      const c = await commitments.get(subject.id);
      if (!c) return undefined;
      return {
        party: partyOfSubject(c.subject),
        agency: c.receiver,
        commitment: {
          id: c.id,
          type: c.type,
          matter: c.matter,
          due: c.verification.deadline.due,
          ...(c.breach?.recordId ? { breachRecordId: c.breach.recordId } : {}),
        },
      };
    }
    if (subject.kind === 'record') {
      const record = await records.get(subject.id);
      if (!record) return undefined;
      return {
        party: partyOfSubject(record.content.subject),
        agency: record.authority.uscc,
        record: recordPart(record),
      };
    }
    const filing =
      subject.kind === 'objection'
        ? await workflows.getObjection(subject.id)
        : await workflows.getRepair(subject.id);
    if (!filing) return undefined;
    const record = await records.get(filing.recordId);
    return {
      party: partyOfFiling(filing),
      agency: filing.agency,
      ...(record
        ? { record: recordPart(record) }
        : {
            record: {
              id: filing.recordId,
              kind: filing.record.kind as DisclosureRecord['content']['kind'],
              documentNumber: filing.record.documentNumber,
              public: false,
              published: false,
            },
          }),
      filing: {
        id: filing.id,
        due: filing.deadline.due,
        ...(filing.decision
          ? { decision: { outcome: filing.decision.outcome, reason: filing.decision.reason } }
          : {}),
      },
    };
  };
}
