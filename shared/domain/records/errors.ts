import { AccessDeniedError, ConflictError, InvalidInputError } from '../errors.ts';

export function recordNotAccessible(): AccessDeniedError {
  return new AccessDeniedError({
    code: 'record_not_accessible',
    messages: { zh: '无权访问该记录，或记录不存在', en: 'no such record among those you may access' },
  });
}

export function recordChanged(): ConflictError {
  return new ConflictError({
    code: 'record_changed',
    messages: {
      zh: '记录已被同时修改，请重新读取后再试',
      en: 'the record was changed meanwhile; read it again and retry',
    },
  });
}

export function documentNumberTaken(documentNumber: string): ConflictError {
  return new ConflictError({
    code: 'document_number_conflict',
    field: 'documentNumber',
    messages: {
      zh: `文书号 ${documentNumber} 已登记了内容不同的记录`,
      en: `document number ${documentNumber} is already registered with different content`,
    },
  });
}

export function alreadyPublished(): ConflictError {
  return new ConflictError({
    code: 'already_published',
    messages: { zh: '记录已公示', en: 'the record is already published' },
  });
}

export function recordRevoked(): ConflictError {
  return new ConflictError({
    code: 'record_revoked',
    messages: { zh: '记录已撤销', en: 'the record has been revoked' },
  });
}

export function decisionDateInFuture(today: string, field = 'decisionDate'): InvalidInputError {
  return new InvalidInputError({
    code: 'decision_date_in_future',
    field,
    messages: {
      zh: `决定日期不能晚于今日（${today}）`,
      en: `decisionDate must not be after today (${today}, Asia/Shanghai)`,
    },
  });
}

/**
 * A change whose index updates do not fit one transaction (a correction that renames a
 * record with a very long name). The use case then makes it in two consistent steps.
 */
export class TransactionTooLargeError extends Error {
  constructor(readonly items: number) {
    super(`a change of ${items} items does not fit one transaction`);
    this.name = 'TransactionTooLargeError';
  }
}
