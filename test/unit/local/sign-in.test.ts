import { describe, expect, it } from 'vitest';
import { SIGN_IN_ROLES, signInArguments, signInOffered, toLoopbackName } from '../../../local/sign-in.ts';
import { tokenClaims } from '../../../local/token-claims.ts';
import { HttpProblem } from '../../../shared/http/problem.ts';

/*
 * The local quick sign-in mints what `npm run token` mints, checks the code as it does, and is
 * offered only where only this machine reaches the server unless LOCAL_SIGN_IN says otherwise.
 */

const at = (address: string) => ({ address, family: 'IPv4', port: 3000 });

describe('the local quick sign-in', () => {
  it.each(SIGN_IN_ROLES)(
    'turns the sample code of $role into the claims npm run token makes',
    ({ role, sample }) => {
      const argv = signInArguments({ role, code: sample });

      expect(argv).not.toBeInstanceOf(HttpProblem);
      expect(tokenClaims(argv as string[]).claims.role).toBe(role);
    },
  );

  it('refuses a code with a wrong check character, naming the code field in Chinese', () => {
    const problem = signInArguments({ role: 'agency', code: '11370100MB2850377A' }) as HttpProblem;

    expect(problem.status).toBe(400);
    expect(problem.field).toBe('code');
    expect(problem.messages.zh).toContain('校验码');
  });

  it('refuses an unknown role, naming the role field', () => {
    const problem = signInArguments({ role: 'root', code: '' }) as HttpProblem;

    expect(problem.field).toBe('role');
  });

  it.each([
    ['127.0.0.1', 'auto', true],
    ['::1', 'auto', true],
    ['0.0.0.0', 'auto', false],
    ['192.168.1.10', 'auto', false],
    ['0.0.0.0', 'on', true],
    ['127.0.0.1', 'off', false],
  ] as const)('on %s with LOCAL_SIGN_IN=%s is offered: %s', (address, mode, offered) => {
    expect(signInOffered(at(address), mode)).toBe(offered);
  });

  it('takes only loopback names in Host, so a rebound foreign name gets no token', () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'LOCALHOST']) {
      expect(toLoopbackName(host), host).toBe(true);
    }
    for (const host of ['evil.example:3000', '127.0.0.1.evil.example', 'localhost.evil', '', undefined]) {
      expect(toLoopbackName(host), String(host)).toBe(false);
    }
  });
});
