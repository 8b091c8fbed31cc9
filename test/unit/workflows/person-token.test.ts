import { describe, expect, it } from 'vitest';
import { tokenClaims, UsageError } from '../../../local/token-claims.ts';
import { personRef } from '../../../shared/domain/workflows/party.ts';
import { principalFromEvent } from '../../../shared/http/principal.ts';
import { anIdNumber, withWrongCheck } from '../../support/record-mothers.ts';

/*
 * A natural person's token is bound to their resident ID number (GB 11643) as an entity's is
 * to its USCC: `npm run token -- --role person --id <ID>` checks the number, and the API turns
 * away a person token without a valid one (401), as it does an entity token without a USCC.
 */

const ID = anIdNumber('19850612', '031');

const eventWith = (claims: Record<string, unknown>) =>
  ({ requestContext: { authorizer: { jwt: { claims } } } }) as unknown as Parameters<
    typeof principalFromEvent
  >[0];

describe('npm run token -- --role person', () => {
  it('signs the ID number as the idNumber claim, and names the subject by its hash', () => {
    const { claims } = tokenClaims(['--role', 'person', '--id', ID]);

    expect(claims).toEqual({ role: 'person', idNumber: ID, sub: personRef(ID) });
  });

  it.each([
    ['no --id', ['--role', 'person'], /needs --id/],
    [
      'a wrong check digit',
      ['--role', 'person', '--id', withWrongCheck(ID, '0123456789X')],
      /check character/,
    ],
    ['an impossible birth date', ['--role', 'person', '--id', anIdNumber('19800231')], /birth date/],
    ['a USCC', ['--role', 'person', '--id', '91350100M000100Y43'], /not a resident ID number/],
    [
      '--uscc beside it',
      ['--role', 'person', '--id', ID, '--uscc', '91350100M000100Y43'],
      /--uscc does not go/,
    ],
  ])('refuses %s', (_, argv, message) => {
    expect(() => tokenClaims(argv)).toThrow(UsageError);
    expect(() => tokenClaims(argv)).toThrow(message);
  });

  it('refuses --id for any other role', () => {
    expect(() => tokenClaims(['--role', 'entity', '--uscc', '91350100M000100Y43', '--id', ID])).toThrow(
      /--id does not go with --role entity/,
    );
  });
});

describe('a person principal', () => {
  it('is read from a token with a valid ID number, upper-cased', () => {
    const x = Array.from({ length: 100 }, (_, n) => anIdNumber('19851231', String(n).padStart(3, '0'))).find(
      (id) => id.endsWith('X'),
    ) as string;

    expect(principalFromEvent(eventWith({ role: 'person', sub: 's', idNumber: x.toLowerCase() }))).toEqual({
      role: 'person',
      subject: 's',
      idNumber: x,
    });
  });

  it.each([
    ['without an ID number', { role: 'person', sub: 's' }],
    ['with a wrong check digit', { role: 'person', sub: 's', idNumber: withWrongCheck(ID, '0123456789X') }],
    ['with a USCC in its place', { role: 'person', sub: 's', uscc: '91350100M000100Y43' }],
  ])('is refused %s, as an entity token without a USCC is (401 invalid_token_claims)', (_, claims) => {
    expect(() => principalFromEvent(eventWith(claims))).toThrow(
      expect.objectContaining({ status: 401, code: 'invalid_token_claims' }),
    );
  });
});
