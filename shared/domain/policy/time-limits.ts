import type { IsoDate } from '../dates.ts';

/**
 * The one policy table of legal time limits (DOMAIN.md). Each entry names its legal basis and
 * the date it took effect, so a new regulation is a data change here, not a code hunt.
 * Entries marked `confirmed: false` are working assumptions until the exact article is found.
 * docs/time-limits.md is generated from this table and the publication regimes
 * (`npm run docs:policy`), so what the service enforces and what it says it enforces agree.
 */
export interface TimeLimit {
  /** What the limit is for, in the words the credit office and the website use. */
  readonly label: string;
  readonly value: number;
  readonly unit: 'working_days' | 'months' | 'years';
  readonly basis: string;
  readonly effectiveFrom: IsoDate;
  readonly confirmed: boolean;
}

export const TIME_LIMITS = {
  /** Publication of an administrative action after its decision. */
  disclosure: {
    label: '行政行为公示（自决定之日起）',
    value: 7,
    unit: 'working_days',
    basis: '国办发〔2015〕51号（许可、处罚）；国办发〔2019〕35号及济阳信用办〔2020〕2号（其他八类）',
    effectiveFrom: '2015-06-24',
    confirmed: true,
  },
  /** Handling an objection and telling the entity. */
  objection: {
    label: '异议处理并告知',
    value: 3,
    unit: 'working_days',
    basis: '山东省社会信用条例 第39条',
    effectiveFrom: '2020-10-01',
    confirmed: true,
  },
  /** Handling an objection when another unit must help verify. */
  objectionWithOtherUnit: {
    label: '异议处理并告知（需其他单位协助核实）',
    value: 7,
    unit: 'working_days',
    basis: '山东省社会信用条例 第39条',
    effectiveFrom: '2020-10-01',
    confirmed: true,
  },
  /**
   * Withdrawing or changing a record after its decision was revoked or changed (复议, 诉讼,
   * the agency's own correction), counted from the revoking or changing decision.
   */
  recordChange: {
    label: '行政决定被撤销或变更后撤回、变更记录（自撤销或变更之日起）',
    value: 3,
    unit: 'working_days',
    basis: '山东省社会信用条例 第40条；行政处罚法 第48条',
    effectiveFrom: '2020-10-01',
    confirmed: true,
  },
  /** The deciding agency's decision on a credit-repair application. */
  repairDecision: {
    label: '信用修复申请的决定（决定机关）',
    value: 3,
    unit: 'working_days',
    basis: '国办发〔2025〕22号；国家发展改革委令第36号（具体条款待确认）',
    effectiveFrom: '2026-04-01',
    confirmed: false,
  },
  /**
   * The entity's statement of its case (陈述申辩) before it is listed. 49号 requires the
   * notice and the right but sets no period; each field's rules do. Until the district's
   * 管理办法 names one, 5 working days, configurable here.
   */
  listHearing: {
    label: '拟列入名单的陈述申辩（自告知之日起）',
    value: 5,
    unit: 'working_days',
    basis: '国办发〔2020〕49号（八）：认定前告知理由、依据和依法享有的权利（期限未见统一规定）',
    effectiveFrom: '2020-12-07',
    confirmed: false,
  },
  /** The agency's decision to list or not, counted from the end of the hearing period. */
  listDecision: {
    label: '列入或不予列入的决定（自陈述申辩期满之日起）',
    value: 5,
    unit: 'working_days',
    basis: '济阳信用办〔2020〕2号（八）；国办发〔2020〕49号（八）（期限未见统一规定）',
    effectiveFrom: '2020-12-07',
    confirmed: false,
  },
  /** The longest validity of a list entry: no credit information is disclosed longer. */
  listValidity: {
    label: '名单有效期上限（自列入之日起）',
    value: 5,
    unit: 'years',
    basis: '山东省社会信用条例 第38条：披露期限最长不得超过五年',
    effectiveFrom: '2020-10-01',
    confirmed: true,
  },
  /**
   * How long an entry on the serious list stays before the entity may apply to leave early
   * through credit repair; the key-attention list sets none (its entities are below the line).
   */
  listEarlyExitSerious: {
    label: '严重失信主体名单提前移出的最短列入期',
    value: 12,
    unit: 'months',
    basis: '国办发〔2020〕49号（十四）：提前移出的条件由认定标准规定（本系统取12个月）',
    effectiveFrom: '2020-12-07',
    confirmed: false,
  },
  /** The checking agency's report of what it did (执行反馈), counted from the check. */
  checkFeedback: {
    label: '联合惩戒执行反馈（自核查之日起）',
    value: 5,
    unit: 'working_days',
    basis: '济阳信用办〔2020〕2号（十）2：发起、响应、信息推送、执行反馈闭环管理（期限未见统一规定）',
    effectiveFrom: '2020-12-07',
    confirmed: false,
  },
  /** The receiving agency's check of a credit commitment (核查), counted from its registration. */
  commitmentVerification: {
    label: '信用承诺核查（自登记之日起）',
    value: 10,
    unit: 'working_days',
    basis:
      '国办发〔2020〕42号（三）：行政机关应当在规定时间内对申请人的承诺内容进行核查（核查期限由各地确定，未见统一规定）',
    effectiveFrom: '2020-11-02',
    confirmed: false,
  },
} as const satisfies Record<string, TimeLimit>;

export type TimeLimitName = keyof typeof TIME_LIMITS;
