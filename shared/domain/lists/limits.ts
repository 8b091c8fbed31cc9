/** Lengths and counts the list and check APIs take (characters, items). */
export const LIST_LIMITS = {
  /** 认定依据: the rule and the facts. */
  basis: 2000,
  /** Records one listing rests on. */
  records: 50,
  /** 事项名称 of a check. */
  matterName: 200,
} as const;
