import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type AuditEntry,
  canonicalJson,
  firstBrokenLink,
  GENESIS,
  hashState,
  nextAuditEntry,
} from '../../shared/domain/audit.ts';

const ADMIN: Actor = { role: 'admin', id: 'admin-1' };

/** The change number `n` of a calendar year, as the audit would see it. */
const change = (n: number) => ({
  at: `2026-11-0${n}T08:00:00.000Z`,
  actor: ADMIN,
  action: n === 1 ? 'calendar.load' : 'calendar.correct',
  state: { year: 2027, version: n },
});

/** A chain of `length` entries built the way the store builds it. */
function chainOf(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let n = 1; n <= length; n++) entries.push(nextAuditEntry(entries.at(-1) ?? GENESIS, change(n)));
  return entries;
}

/** The entry at `index`, failing the test when the chain is shorter. */
function entryAt(entries: readonly AuditEntry[], index: number): AuditEntry {
  const entry = entries[index];
  if (!entry) throw new Error(`the chain has no entry ${index}`);
  return entry;
}

describe('canonicalJson', () => {
  it('sorts object keys at every depth', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } };

    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}');
  });

  it('drops undefined properties and keeps null ones', () => {
    expect(canonicalJson({ b: undefined, a: null, c: { d: undefined } })).toBe('{"a":null,"c":{}}');
  });

  it('keeps the order of array elements and writes undefined ones as null, as JSON does', () => {
    expect(canonicalJson([3, undefined, 1])).toBe('[3,null,1]');
  });

  it('writes scalars as JSON does', () => {
    expect(canonicalJson('国庆节')).toBe('"国庆节"');
    expect(canonicalJson(7)).toBe('7');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(null)).toBe('null');
  });

  it('hashes equal states alike whatever the order of their keys', () => {
    expect(hashState({ year: 2027, version: 1 })).toBe(hashState({ version: 1, year: 2027 }));
    expect(hashState({ year: 2027, version: 1 })).not.toBe(hashState({ year: 2027, version: 2 }));
  });
});

describe('nextAuditEntry', () => {
  it('starts a chain at seq 1 after the genesis hash', () => {
    const entry = nextAuditEntry(GENESIS, change(1));

    expect(entry).toMatchObject({
      seq: 1,
      prevHash: '0'.repeat(64),
      at: change(1).at,
      actor: ADMIN,
      action: 'calendar.load',
      stateHash: hashState(change(1).state),
    });
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('links each entry to the one before it', () => {
    const [first, second, third] = chainOf(3);

    expect([first?.seq, second?.seq, third?.seq]).toEqual([1, 2, 3]);
    expect(second?.prevHash).toBe(first?.hash);
    expect(third?.prevHash).toBe(second?.hash);
  });
});

describe('firstBrokenLink', () => {
  it('finds nothing wrong with an intact chain', () => {
    expect(firstBrokenLink(chainOf(4))).toBeUndefined();
  });

  it('finds nothing wrong with an empty chain', () => {
    expect(firstBrokenLink([])).toBeUndefined();
  });

  it('finds an entry altered after the fact', () => {
    const chain = chainOf(4);
    const altered = { ...entryAt(chain, 1), action: 'calendar.delete' };

    expect(firstBrokenLink(chain.with(1, altered))).toBe(altered);
  });

  it('finds the entry after one altered and re-hashed', () => {
    const chain = chainOf(4);
    const rehashed = nextAuditEntry(entryAt(chain, 0), { ...change(2), action: 'calendar.delete' });

    expect(firstBrokenLink(chain.slice(0, 1).concat(rehashed))).toBeUndefined();
    expect(firstBrokenLink(chain.with(1, rehashed))).toBe(entryAt(chain, 2));
  });

  it('finds the gap a removed entry leaves', () => {
    const chain = chainOf(4);

    expect(firstBrokenLink(chain.toSpliced(1, 1))).toBe(entryAt(chain, 2));
  });

  it('finds a removed first entry', () => {
    const chain = chainOf(3);

    expect(firstBrokenLink(chain.slice(1))).toBe(entryAt(chain, 1));
  });

  it('finds a reordered pair', () => {
    const chain = chainOf(4);
    const reordered = [entryAt(chain, 0), entryAt(chain, 2), entryAt(chain, 1), entryAt(chain, 3)];

    expect(firstBrokenLink(reordered)).toBe(entryAt(chain, 2));
  });
});
