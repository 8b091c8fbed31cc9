import type { Severity } from '../records/vocabulary.ts';

/**
 * What a credit-repair application must carry, by the penalty's class (失信程度). Every
 * application is decided under 国办发〔2025〕22号 (decision-document.ts decisionBasis), which
 * asks for proof that the penalty's obligations were met and a credit commitment; a serious
 * penalty also needs its rectification shown (Order No. 36 第二十二条 in the same sense).
 * The guidance page and the repair form read this table; the form's own check asks for at
 * least one material.
 */
export interface RepairMaterial {
  readonly name: string;
  readonly detail: string;
}

const PROOF: RepairMaterial = {
  name: '已履行行政处罚决定的证明',
  detail: '如罚款、没收违法所得的缴款凭证，或执行完毕的证明',
};
const COMMITMENT: RepairMaterial = {
  name: '信用承诺书',
  detail: '在申请表中填写并注明签署日期（一年内）',
};
const RECTIFICATION: RepairMaterial = {
  name: '整改情况报告',
  detail: '说明违法行为已纠正、整改措施和结果，附相关证明',
};

export const REPAIR_MATERIALS_BASIS = '国办发〔2025〕22号；国家发展改革委令第36号';

export const REPAIR_MATERIALS: Readonly<Record<Severity, readonly RepairMaterial[]>> = {
  minor: [PROOF, COMMITMENT],
  general: [PROOF, COMMITMENT],
  serious: [PROOF, RECTIFICATION, COMMITMENT],
};
