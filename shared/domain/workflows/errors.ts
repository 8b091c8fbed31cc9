import { ConflictError } from '../errors.ts';
import type { WorkflowKind } from './party.ts';

/** Someone else decided or changed the filing between our read and our write. */
export function workflowChanged(kind: WorkflowKind): ConflictError {
  return new ConflictError({
    code: `${kind}_changed`,
    messages: {
      zh: kind === 'objection' ? '该异议已被同时处理，请刷新后再试' : '该申请已被同时处理，请刷新后再试',
      en: `the ${kind} was changed meanwhile; read it again and retry`,
    },
  });
}
