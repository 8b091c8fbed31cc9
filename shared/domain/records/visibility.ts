import type { RecordInput } from '../../schemas/records/record-input.ts';
import { MINOR_ONLY_CATEGORIES } from './vocabulary.ts';

export type NotPublicReason = 'natural_person' | 'simplified_procedure' | 'minor_penalty';

export type Visibility =
  | { readonly public: true }
  | { readonly public: false; readonly reason: NotPublicReason };

export const NOT_PUBLIC_REASONS: Record<NotPublicReason, { zh: string; basis: string }> = {
  natural_person: { zh: '自然人信息不公开', basis: '山东省社会信用条例 第20条' },
  simplified_procedure: {
    zh: '简易程序作出的行政处罚不公示',
    basis: '国家发展改革委令第36号；山东省社会信用条例 第13条',
  },
  minor_penalty: {
    zh: '轻微失信（仅警告、通报批评）不公示',
    basis: '国家发展改革委令第36号；山东省社会信用条例 第13条',
  },
};

/**
 * Whether a record may ever be shown to the public. Such records are still kept, and their
 * disclosure deadlines still bind the agency; the public API simply never returns them.
 */
export function visibilityOf(input: RecordInput): Visibility {
  if (input.subject.category === 'natural_person') return { public: false, reason: 'natural_person' };
  if (input.kind === 'penalty') {
    const p = input.penalty;
    if (p.procedure === 'simplified') return { public: false, reason: 'simplified_procedure' };
    if (p.severity === 'minor' || p.categories.every((c) => MINOR_ONLY_CATEGORIES.has(c))) {
      return { public: false, reason: 'minor_penalty' };
    }
  }
  return { public: true };
}
