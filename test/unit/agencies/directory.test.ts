import { describe, expect, it } from 'vitest';
import type { AgencyEntry, StoredAgency } from '../../../shared/domain/agencies/agency.ts';
import { cachedAgencyNames } from '../../../shared/domain/agencies/name-cache.ts';
import { withAuthorityName } from '../../../shared/domain/agencies/named-authority.ts';
import type { AgencyStore } from '../../../shared/domain/agencies/ports.ts';
import { makeAgencyUseCases } from '../../../shared/domain/agencies/use-cases.ts';
import { GENESIS, nextAuditEntry } from '../../../shared/domain/audit.ts';
import { StaleVersionError } from '../../../shared/domain/errors.ts';

const ADMIN = { role: 'admin', id: 'office' } as const;
const A = '11370125MB0000001X';
const B = '11370125MB0000002X';

/** An in-memory directory that also keeps each agency's audit entries. */
function fakeDirectory() {
  const entries = new Map<string, StoredAgency>();
  const audits: { uscc: string; action: string }[] = [];
  let lists = 0;
  const store: AgencyStore = {
    list: async () => {
      lists++;
      return [...entries.values()];
    },
    get: async (uscc) => entries.get(uscc),
    put: async (agency: AgencyEntry, previous, change) => {
      const action = previous ? 'agency.renamed' : 'agency.named';
      const head = nextAuditEntry(previous?.head ?? GENESIS, { ...change, action, state: agency });
      const stored = { agency, version: (previous?.version ?? 0) + 1, updatedAt: change.at, head };
      entries.set(agency.uscc, stored);
      audits.push({ uscc: agency.uscc, action });
      return stored;
    },
  };
  return { store, audits, lists: () => lists };
}

const clockAt = (iso: string) => () => new Date(iso);

describe('the agency directory', () => {
  it('names a new agency without If-Match, as version 1, and audits it', async () => {
    const { store, audits } = fakeDirectory();
    const agencies = makeAgencyUseCases({ store, clock: clockAt('2026-12-01T00:00:00Z') });

    const saved = await agencies.put({ uscc: A, name: '某市某局' }, { actor: ADMIN });

    expect(saved).toMatchObject({ uscc: A, name: '某市某局', version: 1, created: true });
    expect(audits).toEqual([{ uscc: A, action: 'agency.named' }]);
  });

  it('refuses to rename an agency without If-Match, and with a stale one', async () => {
    const { store, audits } = fakeDirectory();
    const agencies = makeAgencyUseCases({ store, clock: clockAt('2026-12-01T00:00:00Z') });
    await agencies.put({ uscc: A, name: '某市某局' }, { actor: ADMIN });

    await expect(agencies.put({ uscc: A, name: '新名' }, { actor: ADMIN })).rejects.toMatchObject({
      code: 'agency_if_match_required',
      field: 'if-match',
    });
    await expect(agencies.put({ uscc: A, name: '新名' }, { actor: ADMIN, ifMatch: 0 })).rejects.toThrow(
      StaleVersionError,
    );
    expect(audits).toHaveLength(1);
  });

  it('renames with the version read, and lists by code', async () => {
    const { store, audits } = fakeDirectory();
    const agencies = makeAgencyUseCases({ store, clock: clockAt('2026-12-01T00:00:00Z') });
    await agencies.put({ uscc: B, name: '乙局' }, { actor: ADMIN });
    await agencies.put({ uscc: A, name: '甲局' }, { actor: ADMIN });

    const renamed = await agencies.put(
      { uscc: B, name: '乙市乙局', shortName: '乙' },
      { actor: ADMIN, ifMatch: 1 },
    );

    expect(renamed).toMatchObject({ version: 2, created: false, shortName: '乙' });
    expect((await agencies.list()).map((a) => [a.uscc, a.name])).toEqual([
      [A, '甲局'],
      [B, '乙市乙局'],
    ]);
    expect(audits.map((a) => a.action)).toEqual(['agency.named', 'agency.named', 'agency.renamed']);
  });

  it('refuses If-Match "1" for an agency not yet in the directory', async () => {
    const { store } = fakeDirectory();
    const agencies = makeAgencyUseCases({ store, clock: clockAt('2026-12-01T00:00:00Z') });

    await expect(agencies.put({ uscc: A, name: '甲局' }, { actor: ADMIN, ifMatch: 1 })).rejects.toMatchObject(
      {
        code: 'agency_version_mismatch',
      },
    );
  });
});

describe('names in public answers', () => {
  it('names a known authority and leaves an unknown one as its code', () => {
    const names = new Map([[A, '甲局']]);

    expect(withAuthorityName({ id: 'r1', authority: { uscc: A } }, names).authority).toEqual({
      uscc: A,
      name: '甲局',
    });
    expect(withAuthorityName({ id: 'r2', authority: { uscc: B } }, names).authority).toEqual({ uscc: B });
  });

  it('reads the directory once a minute per instance, not once per answer', async () => {
    const { store, lists } = fakeDirectory();
    let now = Date.parse('2026-12-01T00:00:00Z');
    const names = cachedAgencyNames(store, () => new Date(now), 60_000);
    await store.put({ uscc: A, name: '甲局' }, undefined, { actor: ADMIN, at: '2026-12-01T00:00:00Z' });

    await Promise.all([names(), names(), names()]);
    now += 59_000;
    await names();
    const beforeExpiry = lists();
    now += 2_000;
    const after = await names();

    expect(beforeExpiry).toBe(1);
    expect(lists()).toBe(2);
    expect(after.get(A)).toBe('甲局');
  });

  it('answers with the names last read when the directory cannot be read, and tries again later', async () => {
    const { store } = fakeDirectory();
    let now = Date.parse('2026-12-01T00:00:00Z');
    let failing = false;
    const flaky = { list: () => (failing ? Promise.reject(new Error('throttled')) : store.list()) };
    const names = cachedAgencyNames(flaky, () => new Date(now), 60_000);
    await store.put({ uscc: A, name: '甲局' }, undefined, { actor: ADMIN, at: '2026-12-01T00:00:00Z' });
    await names();

    failing = true;
    now += 61_000;
    const duringFault = await names();
    failing = false;
    const afterFault = await names();

    expect(duringFault.get(A)).toBe('甲局');
    expect(afterFault.get(A)).toBe('甲局');
    await expect(
      cachedAgencyNames({ list: () => Promise.reject(new Error('down')) }, () => new Date(now))(),
    ).resolves.toEqual(new Map());
  });
});
