import type { CommitmentType } from '../commitments/vocabulary.ts';
import { type IsoDate, shanghaiDate } from '../dates.ts';
import type { DomainEvent } from '../events.ts';
import type { ListType } from '../lists/vocabulary.ts';
import type { RecordKind } from '../records/vocabulary.ts';
import type { Audience, Recipient } from './recipients.ts';

/*
 * What every row of the notice tables (notices.ts, list-notices.ts) is made of: the matter an
 * event is about, a notice, a rule, the legal bases quoted, and the lines most notices share.
 */

/** What an event is about, read from the store when it is turned into notices. */
export interface Matter {
  /** The entity or person the record or filing is about; absent when none can be told. */
  readonly party?: Recipient | undefined;
  /** The agency's USCC. */
  readonly agency: string;
  readonly record?:
    | {
        readonly id: string;
        readonly kind: RecordKind;
        readonly documentNumber: string;
        /** In public view now. */
        readonly public: boolean;
        /** Ever published: shown to the public, or to its person in their own list. */
        readonly published: boolean;
      }
    | undefined;
  /** A list entry the event is about (lists/entry.ts). */
  readonly list?:
    | {
        readonly id: string;
        readonly type: ListType;
        readonly subjectName: string;
        readonly basis: string;
        readonly hearingDue: IsoDate;
        readonly decisionDue: IsoDate;
        readonly validUntil?: IsoDate | undefined;
        readonly removedOn?: IsoDate | undefined;
      }
    | undefined;
  /** A credit check the event is about (checks/check.ts). */
  readonly check?:
    | { readonly id: string; readonly matter: string; readonly due: IsoDate; readonly uscc: string }
    | undefined;
  /** A credit commitment the event is about (commitments/commitment.ts). */
  readonly commitment?:
    | {
        readonly id: string;
        readonly type: CommitmentType;
        readonly matter: string;
        readonly due: IsoDate;
        readonly breachRecordId?: string | undefined;
      }
    | undefined;
  readonly filing?:
    | {
        readonly id: string;
        readonly due?: IsoDate | undefined;
        readonly decision?: { readonly outcome: string; readonly reason: string } | undefined;
      }
    | undefined;
}

/** What an event is about: read from the record or filing it names. */
export type MatterPort = (event: DomainEvent) => Promise<Matter | undefined>;

/** One message as its recipient reads it, in the inbox and by e-mail. */
export interface Notice {
  readonly title: string;
  readonly lines: readonly string[];
  /** A page of the website, relative to its root. */
  readonly link?: string | undefined;
  readonly basis?: string | undefined;
}

export interface Rule {
  readonly audience: Audience;
  /** Only for some events of the type (e.g. `overdue` of a revocation); all when absent. */
  readonly when?: (event: DomainEvent, matter: Matter) => boolean;
  readonly notice: (event: DomainEvent, matter: Matter) => Notice;
}

export const BASIS = {
  objectionOutcome: '《山东省社会信用条例》第三十九条',
  repairOutcome: '《山东省社会信用条例》第四十一条',
  penaltyPublished: '《市场监督管理行政处罚信息公示规定》（市场监管总局令第45号）第八条',
  recordChange: '《山东省社会信用条例》第四十条',
  listHearing: '《关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）（八）',
  listObjection: '《山东省社会信用条例》第三十九条、第四十一条；国办发〔2020〕49号',
  check: '济阳信用办〔2020〕2号（十）2：联合惩戒执行反馈',
  commitment: '国办发〔2020〕42号；《山东省社会信用条例》第三十二条',
  disclosure:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》：作出决定之日起7个工作日内公示',
} as const;

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The date a deadline instant falls on: dueAt is the end of its day (24:00), so the day before it. */
export function dueDateOf(event: DomainEvent, matter?: Matter): IsoDate | undefined {
  const due = str(event.data.due) ?? matter?.filing?.due;
  if (due) return due;
  const dueAt = str(event.data.dueAt);
  return dueAt ? shanghaiDate(new Date(Date.parse(dueAt) - 1)) : undefined;
}

export function dueLine(event: DomainEvent, matter: Matter, what = '办理期限'): string[] {
  const due = dueDateOf(event, matter);
  return due ? [`${what}：${due}（北京时间当日 24:00 前）`] : [];
}
