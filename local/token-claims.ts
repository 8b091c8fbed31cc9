/** Parsing of `npm run token` arguments into the claims the local key signs. */
import { parseArgs } from 'node:util';
import { idCardProblem } from '../shared/domain/identifiers/id-card.ts';
import { usccProblem } from '../shared/domain/identifiers/uscc.ts';
import { personRef } from '../shared/domain/workflows/party.ts';

export const USAGE =
  'usage: npm run token -- --role admin | --role agency --agency <USCC> | --role entity --uscc <USCC> | --role person --id <resident ID number> [--sub <name>] [--ttl <seconds>]';

export class UsageError extends Error {}

export function tokenClaims(argv: string[]): { claims: Record<string, string>; ttlSeconds: number } {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        role: { type: 'string' },
        agency: { type: 'string' },
        uscc: { type: 'string' },
        id: { type: 'string' },
        sub: { type: 'string' },
        ttl: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const ttlSeconds = values.ttl === undefined ? 43_200 : Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 30 * 86_400) {
    throw new UsageError('--ttl must be a whole number of seconds from 1 to 2592000 (30 days)');
  }
  const code = (flag: 'agency' | 'uscc') => {
    const value = values[flag]?.trim().toUpperCase();
    if (!value) throw new UsageError(`--role ${values.role} needs --${flag} <unified social credit code>`);
    const problem = usccProblem(value);
    if (problem === 'format')
      throw new UsageError(
        `--${flag} ${value}: not a unified social credit code (18 characters, digits and capital letters except I, O, S, V, Z)`,
      );
    if (problem === 'check_character') throw new UsageError(`--${flag} ${value}: wrong check character`);
    return value;
  };
  const idNumber = () => {
    const value = values.id?.trim().toUpperCase();
    if (!value) throw new UsageError('--role person needs --id <resident ID number>');
    const problem = idCardProblem(value);
    if (problem === 'format')
      throw new UsageError(`--id ${value}: not a resident ID number (17 digits and a check digit or X)`);
    if (problem === 'birth_date') throw new UsageError(`--id ${value}: the birth date in it is impossible`);
    if (problem) throw new UsageError(`--id ${value}: wrong check character`);
    return value;
  };
  const unexpected = (flag: 'agency' | 'uscc' | 'id') => {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} does not go with --role ${values.role}`);
  };
  switch (values.role) {
    case 'agency': {
      unexpected('uscc');
      unexpected('id');
      const agency = code('agency');
      return { claims: { role: 'agency', agency, sub: values.sub ?? `agency:${agency}` }, ttlSeconds };
    }
    case 'entity': {
      unexpected('agency');
      unexpected('id');
      const uscc = code('uscc');
      return { claims: { role: 'entity', uscc, sub: values.sub ?? `entity:${uscc}` }, ttlSeconds };
    }
    case 'person': {
      unexpected('agency');
      unexpected('uscc');
      const id = idNumber();
      // The subject names the person by the hash of their number, as keys and audit do:
      // `sub` is the claim most often logged by tools around a token.
      return { claims: { role: 'person', idNumber: id, sub: values.sub ?? personRef(id) }, ttlSeconds };
    }
    case 'admin':
      unexpected('agency');
      unexpected('uscc');
      unexpected('id');
      return { claims: { role: 'admin', sub: values.sub ?? 'admin' }, ttlSeconds };
    default:
      throw new UsageError(
        values.role
          ? `--role must be agency, entity, person or admin, not ${values.role}`
          : '--role is required',
      );
  }
}
