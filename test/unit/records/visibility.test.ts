import { describe, expect, it } from 'vitest';
import { NOT_PUBLIC_REASONS, visibilityOf } from '../../../shared/domain/records/visibility.ts';
import { licenseInput, penaltyInput } from '../../support/record-builders.ts';
import {
  minorPenalty,
  naturalPersonPenalty,
  penaltyWith,
  recordOf,
  simplifiedPenalty,
  soleTraderPenalty,
  warningOnlyPenalty,
} from '../../support/record-mothers.ts';

describe('visibilityOf', () => {
  it.each([
    ['a general penalty against a company', penaltyInput()],
    ['a serious penalty', penaltyWith({ severity: 'serious' })],
    ['a warning together with a fine', penaltyWith({ categories: ['警告', '罚款'] })],
    ['a penalty against an individual business', soleTraderPenalty()],
    ['a licence', licenseInput()],
    ['an inspection', recordOf('inspection')],
  ])('shows %s to the public', (_, input) => {
    expect(visibilityOf(input)).toEqual({ public: true });
  });

  it.each([
    ['a penalty against a natural person', naturalPersonPenalty(), 'natural_person'],
    [
      'a licence granted to a natural person',
      licenseInput({ subject: naturalPersonPenalty().subject }),
      'natural_person',
    ],
    ['a penalty under the simplified procedure', simplifiedPenalty(), 'simplified_procedure'],
    ['a penalty classed as minor', minorPenalty(), 'minor_penalty'],
    ['a warning alone, though classed as general', warningOnlyPenalty(), 'minor_penalty'],
    ['a notice of criticism alone', penaltyWith({ categories: ['通报批评'] }), 'minor_penalty'],
    [
      'a warning and a notice of criticism',
      penaltyWith({ categories: ['警告', '通报批评'] }),
      'minor_penalty',
    ],
  ])('keeps %s from the public, saying why', (_, input, reason) => {
    expect(visibilityOf(input)).toEqual({ public: false, reason });
  });

  it('gives the natural-person rule precedence over the kind of penalty', () => {
    const input = simplifiedPenalty({ subject: naturalPersonPenalty().subject });

    expect(visibilityOf(input)).toEqual({ public: false, reason: 'natural_person' });
  });

  it('names a legal basis for every reason a record is not public', () => {
    for (const { zh, basis } of Object.values(NOT_PUBLIC_REASONS)) {
      expect(zh).toMatch(/\S/);
      expect(basis).toMatch(/条例|令/);
    }
  });
});
