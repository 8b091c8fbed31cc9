import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { HttpProblem } from '../../shared/http/problem.ts';
import { MAX_LISTED_ERRORS, parsePart } from '../../shared/http/validation.ts';

const strict = z.strictObject({ name: z.string(), rows: z.array(z.number()).optional() });

function refusal(value: unknown): HttpProblem {
  try {
    parsePart(strict, 'body', value);
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error('parsePart accepted the value');
}

describe('a 400 stays small whatever the request holds', () => {
  it('lists the first unknown keys and counts the rest', () => {
    const body: Record<string, unknown> = { name: 'x' };
    for (let i = 0; i < 90_000; i++) body[`k${i}`] = 1;
    const problem = refusal(body);
    expect(problem.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(problem.errors[0]).toMatchObject({ field: 'body.k0', code: 'unknown_field' });
    expect(problem.details).toEqual({ errorsOmitted: 90_000 - MAX_LISTED_ERRORS });
    expect(JSON.stringify(problem.errors).length).toBeLessThan(4_000);
  });

  it('counts other faults past the first ones too', () => {
    const problem = refusal({ name: 'x', rows: Array.from({ length: 500 }, () => 'not a number') });
    expect(problem.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(problem.errors[19]?.field).toBe('body.rows[19]');
    expect(problem.details).toEqual({ errorsOmitted: 480 });
  });

  it('echoes a long key only in part', () => {
    const key = 'k'.repeat(100_000);
    const problem = refusal({ name: 'x', [key]: 1 });
    expect(problem.field).toBe(`body.${'k'.repeat(64)}…`);
    expect(JSON.stringify(problem.errors).length).toBeLessThan(400);
  });

  it('names every fault when there are few, with nothing omitted', () => {
    const problem = refusal({ name: 1, extra: true });
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['body.extra', 'body.name']);
    expect(problem.details).toBeUndefined();
  });
});
