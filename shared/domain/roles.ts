import type { Labels } from './records/vocabulary.ts';

/**
 * Who calls the service: an agency (机关), an entity (行政相对人), a natural person about their
 * own records (自然人: 山东省社会信用条例 第21、37、39、41条) or the credit office.
 */
export const ROLES = ['agency', 'entity', 'person', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Labels<Role> = {
  entity: '行政相对人',
  person: '自然人',
  agency: '行政机关',
  admin: '信用管理部门',
};
