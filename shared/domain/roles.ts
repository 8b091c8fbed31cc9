import type { Labels } from './records/vocabulary.ts';

/** Who calls the service: an agency (机关), an entity (行政相对人) or the credit office. */
export const ROLES = ['agency', 'entity', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Labels<Role> = { entity: '行政相对人', agency: '行政机关', admin: '信用管理部门' };
