import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { idCardProblem } from '../domain/identifiers/id-card.ts';
import { isUscc } from '../domain/identifiers/uscc.ts';
import type { Filer } from '../domain/workflows/party.ts';
import { HttpProblem } from './problem.ts';
import type { Access, Role } from './routes.ts';

/**
 * Who is calling, from the claims of a token the authorizer already verified (API Gateway's
 * JWT authorizer on AWS, the local server's verifier on one machine). The claims are the
 * same in both: `role`, plus `agency` (the agency's USCC), `uscc` (the entity's) or
 * `idNumber` (a natural person's resident ID number, checked like any other: GB 11643).
 */
export type Principal =
  | { readonly role: 'agency'; readonly subject: string; readonly agency: string }
  | { readonly role: 'entity'; readonly subject: string; readonly uscc: string }
  | { readonly role: 'person'; readonly subject: string; readonly idNumber: string }
  | { readonly role: 'admin'; readonly subject: string };

const uscc = z.string().refine(isUscc);
const idNumber = z
  .string()
  .transform((value) => value.toUpperCase())
  .refine((value) => idCardProblem(value) === undefined);
const claims = z.discriminatedUnion('role', [
  z.object({ role: z.literal('agency'), sub: z.string().min(1), agency: uscc }),
  z.object({ role: z.literal('entity'), sub: z.string().min(1), uscc }),
  z.object({ role: z.literal('person'), sub: z.string().min(1), idNumber }),
  z.object({ role: z.literal('admin'), sub: z.string().min(1) }),
]);

type Authorized = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
};

const UNAUTHENTICATED = new HttpProblem(
  401,
  'unauthenticated',
  {
    zh: '需要有效的访问令牌',
    en: 'a valid bearer token is required',
  },
  { headers: { 'www-authenticate': 'Bearer' } },
);

export function principalFromEvent(event: APIGatewayProxyEventV2): Principal | undefined {
  const raw = (event as Authorized).requestContext.authorizer?.jwt?.claims;
  if (!raw) return undefined;
  const parsed = claims.safeParse(raw);
  if (!parsed.success) {
    throw new HttpProblem(
      401,
      'invalid_token_claims',
      {
        zh: '访问令牌中的角色或单位代码无效',
        en: 'the token does not carry a valid role and code',
      },
      { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } },
    );
  }
  const c = parsed.data;
  switch (c.role) {
    case 'agency':
      return { role: 'agency', subject: c.sub, agency: c.agency };
    case 'entity':
      return { role: 'entity', subject: c.sub, uscc: c.uscc };
    case 'person':
      return { role: 'person', subject: c.sub, idNumber: c.idNumber };
    case 'admin':
      return { role: 'admin', subject: c.sub };
  }
}

/** The caller a route allows, or the 401/403 that turns everyone else away. */
export function authorize(access: Access, principal: Principal | undefined): Principal | undefined {
  if (access === 'public') return principal;
  if (!principal) throw UNAUTHENTICATED;
  if (!(access as readonly Role[]).includes(principal.role)) {
    throw new HttpProblem(403, 'forbidden', {
      zh: '当前角色无权执行此操作',
      en: 'your role may not do this',
    });
  }
  return principal;
}

/** The agency code of an agency caller; routes that call this admit only agencies. */
export function agencyOf(principal: Principal | undefined): string {
  if (principal?.role !== 'agency') throw new Error('an agency route was reached by another role');
  return principal.agency;
}

/** The party of a workflow route (filer or agency); routes that call this admit no one else. */
export function partyOf(principal: Principal | undefined): Filer | { role: 'agency'; agency: string } {
  if (principal?.role === 'agency') return { role: 'agency', agency: principal.agency };
  return filerOf(principal);
}

/** Who files on a filing route: an entity or a person; routes that call this admit no one else. */
export function filerOf(principal: Principal | undefined): Filer {
  if (principal?.role === 'entity') return { role: 'entity', uscc: principal.uscc };
  if (principal?.role === 'person') return { role: 'person', idNumber: principal.idNumber };
  throw new Error('a filing route was reached by another role');
}

/** The ID number of a person caller; routes that call this admit only persons. */
export function personOf(principal: Principal | undefined): string {
  if (principal?.role !== 'person') throw new Error('a person route was reached by another role');
  return principal.idNumber;
}

/** The entity code of an entity caller; routes that call this admit only entities. */
export function entityOf(principal: Principal | undefined): string {
  if (principal?.role !== 'entity') throw new Error('an entity route was reached by another role');
  return principal.uscc;
}

/** An agency or an entity caller, as such; routes that call this admit no one else. */
export function agencyOrEntityOf(
  principal: Principal | undefined,
): { role: 'agency'; agency: string } | { role: 'entity'; uscc: string } {
  if (principal?.role === 'agency') return { role: 'agency', agency: principal.agency };
  return { role: 'entity', uscc: entityOf(principal) };
}
