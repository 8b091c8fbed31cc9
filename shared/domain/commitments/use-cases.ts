import type { AgencyStore } from '../agencies/ports.ts';
import { type Actor, auditEntryFor } from '../audit.ts';
import type { CalendarYearsPort } from '../calendar/load-calendar.ts';
import type { Clock } from '../clock.ts';
import type { IsoDate } from '../dates.ts';
import { AccessDeniedError, NotFoundError, RuleViolationError } from '../errors.ts';
import { aggregateEvent, type DomainEvent } from '../events.ts';
import { newId } from '../ids.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import type { RecordStore } from '../records/ports.ts';
import { handlingDeadline } from '../workflows/filing.ts';
import { isAbout } from '../workflows/party.ts';
import {
  breachCommitment,
  type Commitment,
  type CommitmentSubject,
  makeCommitment,
  verifyCommitment,
} from './commitment.ts';
import type { CommitmentStore } from './ports.ts';
import {
  AGENCY_COMMITMENT_TYPES,
  type CommitmentStatus,
  type CommitmentType,
  ENTITY_COMMITMENT_TYPES,
} from './vocabulary.ts';

export interface CommitmentDeps {
  readonly commitments: CommitmentStore;
  readonly records: Pick<RecordStore, 'get'>;
  readonly agencies: Pick<AgencyStore, 'get'>;
  readonly calendarYears: CalendarYearsPort;
  readonly clock: Clock;
}

/** Who registers: the receiving agency, or the entity for a commitment of its own accord. */
export type Registrant = { role: 'agency'; agency: string } | { role: 'entity'; uscc: string };

export interface CommitmentInput {
  readonly type: CommitmentType;
  readonly uscc: string;
  readonly name: string;
  readonly category: CommitmentSubject['category'];
  readonly matter: string;
  readonly text: string;
  readonly madeOn: IsoDate;
  readonly receiver?: string | undefined;
  readonly validUntil?: IsoDate | undefined;
  readonly recordId?: string | undefined;
}

export function commitmentNotFound(): NotFoundError {
  return new NotFoundError({
    code: 'commitment_not_found',
    messages: { zh: '未找到该信用承诺', en: 'no such commitment' },
  });
}

function notReceiver(): AccessDeniedError {
  return new AccessDeniedError({
    code: 'commitment_not_accessible',
    messages: {
      zh: '只有承诺受理单位可以核查或记录失信，或该承诺不存在',
      en: 'only the receiving agency may verify or record a breach, or there is no such commitment',
    },
  });
}

const rule = (code: string, field: string, zh: string, en: string) =>
  new RuleViolationError({ code, field, messages: { zh, en } });

/** 信用承诺: registered, published, verified by its receiver, and its keeping recorded. */
export function makeCommitmentUseCases({
  commitments,
  records,
  agencies,
  calendarYears,
  clock,
}: CommitmentDeps) {
  async function received(agency: string, id: string): Promise<Commitment> {
    const c = await commitments.get(id);
    if (!c || c.receiver !== agency) throw notReceiver();
    return c;
  }

  /** A record named must exist and be about the commitment's entity (else the same 422). */
  async function assertAbout(uscc: string, recordId: string | undefined): Promise<void> {
    if (!recordId) return;
    const record = await records.get(recordId);
    if (!record || !isAbout(record, { role: 'entity', uscc })) {
      throw rule(
        'record_not_about_subject',
        'recordId',
        '所指记录不存在，或不是该承诺主体的记录',
        'the record named does not exist or is not about the entity of the commitment',
      );
    }
  }

  async function receiverOf(by: Registrant, input: CommitmentInput): Promise<string> {
    if (by.role === 'agency') {
      if (!(AGENCY_COMMITMENT_TYPES as readonly string[]).includes(input.type)) {
        throw rule(
          'commitment_type_not_for_agency',
          'type',
          '信用修复型承诺随信用修复申请自动生成，不能另行登记',
          'credit-repair commitments come from repair applications; they are not registered here',
        );
      }
      if (input.receiver && input.receiver !== by.agency) {
        throw new AccessDeniedError({
          code: 'commitment_for_other_agency',
          field: 'receiver',
          messages: {
            zh: '只能登记向本机关作出的承诺',
            en: 'an agency registers only the commitments made to it',
          },
        });
      }
      return by.agency;
    }
    if (input.uscc !== by.uscc) {
      throw new AccessDeniedError({
        code: 'commitment_for_other_entity',
        field: 'uscc',
        messages: { zh: '只能为本主体作出承诺', en: 'an entity makes commitments only for itself' },
      });
    }
    if (!(ENTITY_COMMITMENT_TYPES as readonly string[]).includes(input.type)) {
      throw rule(
        'commitment_type_not_voluntary',
        'type',
        '主体自行作出的承诺应为主动型或行业自律型；告知承诺由受理机关登记',
        'an entity registers voluntary or industry self-discipline commitments only',
      );
    }
    if (!input.receiver) {
      throw rule(
        'receiver_required',
        'receiver',
        '请填写承诺受理单位',
        'name the receiving agency (receiver)',
      );
    }
    if (!(await agencies.get(input.receiver))) {
      throw rule(
        'unknown_receiver',
        'receiver',
        '承诺受理单位不在机关名录中',
        'the receiving agency is not in the agency directory',
      );
    }
    return input.receiver;
  }

  async function write(
    before: Commitment | undefined,
    after: Commitment,
    actor: Actor,
    action: string,
    at: Date,
    events: readonly DomainEvent[] = [],
  ): Promise<Commitment> {
    const audit = auditEntryFor(before, after, { actor, action, at });
    await commitments.commit({ commitment: { before, after: { ...after, head: audit }, audit }, events });
    return { ...after, head: audit };
  }

  return {
    async register(by: Registrant, input: CommitmentInput, actor: Actor): Promise<Commitment> {
      const receiver = await receiverOf(by, input);
      await assertAbout(input.uscc, input.recordId);
      const at = clock();
      const deadline = await handlingDeadline(calendarYears, at, TIME_LIMITS.commitmentVerification.value);
      const c = makeCommitment(
        {
          id: newId('cmt'),
          type: input.type,
          subject: { uscc: input.uscc, name: input.name, category: input.category },
          matter: input.matter,
          text: input.text,
          madeOn: input.madeOn,
          receiver,
          ...(input.validUntil ? { validUntil: input.validUntil } : {}),
          registeredBy: by.role,
          ...(input.recordId ? { recordId: input.recordId } : {}),
        },
        deadline,
        at,
      );
      return write(undefined, c, actor, 'commitment.registered', at);
    },

    /** Any commitment, as anyone may see it: all are public. */
    async get(id: string): Promise<Commitment> {
      const c = await commitments.get(id);
      if (!c) throw commitmentNotFound();
      return c;
    },

    async verify(agency: string, id: string, finding: string, actor: Actor): Promise<Commitment> {
      const before = await received(agency, id);
      const at = clock();
      const after = verifyCommitment(before, finding, at);
      return write(
        before,
        after,
        actor,
        after.verification.late ? 'commitment.verified_late' : 'commitment.verified',
        at,
      );
    },

    /** 未履约: the finding, and the record it led to; the entity is told. */
    async breach(
      agency: string,
      id: string,
      input: { finding: string; recordId?: string | undefined },
      actor: Actor,
    ): Promise<Commitment> {
      const before = await received(agency, id);
      await assertAbout(before.subject.uscc, input.recordId);
      const at = clock();
      const after = breachCommitment(before, input, at);
      const event = aggregateEvent('commitment-breached', 'commitment', { ...after, agency }, at, {
        uscc: after.subject.uscc,
        ...(input.recordId ? { recordId: input.recordId } : {}),
      });
      return write(before, after, actor, 'commitment.breached', at, [event]);
    },

    forEntity: (uscc: string, q: { limit: number; cursor?: string | undefined }) =>
      commitments.forEntity({ uscc, ...q }),
    forAgency: (
      agency: string,
      q: { status?: CommitmentStatus | undefined; limit: number; cursor?: string | undefined },
    ) => commitments.forAgency({ agency, ...q }),
  };
}

export type CommitmentUseCases = ReturnType<typeof makeCommitmentUseCases>;
