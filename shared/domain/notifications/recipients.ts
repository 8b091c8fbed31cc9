import { personRef } from '../workflows/party.ts';

/**
 * Whose inbox a notification lands in. Entities and agencies by their USCC, a natural person
 * by the hash of their ID number (never the number itself), and the credit office as one
 * inbox that every admin reads.
 */
export type Recipient = `entity:${string}` | `person:${string}` | `agency:${string}` | 'office';

/** The audiences of the notice table: the party the matter is about, its agency, the office. */
export type Audience = 'party' | 'agency' | 'office';

export type Caller =
  | { readonly role: 'entity'; readonly uscc: string }
  | { readonly role: 'person'; readonly idNumber: string }
  | { readonly role: 'agency'; readonly agency: string }
  | { readonly role: 'admin' };

/** The inbox of a signed-in caller. */
export function recipientOf(caller: Caller): Recipient {
  switch (caller.role) {
    case 'entity':
      return `entity:${caller.uscc}`;
    case 'person':
      return personRef(caller.idNumber) as Recipient;
    case 'agency':
      return `agency:${caller.agency}`;
    case 'admin':
      return 'office';
  }
}

/** The party a record is about: its entity by USCC, or the natural person by ID number. */
export function partyOfSubject(subject: {
  readonly category: string;
  readonly uscc?: string | undefined;
  readonly idNumber?: string | undefined;
}): Recipient | undefined {
  if (subject.category === 'natural_person')
    return subject.idNumber ? (personRef(subject.idNumber) as Recipient) : undefined;
  return subject.uscc ? `entity:${subject.uscc}` : undefined;
}

/** The party who filed an objection or a repair application. */
export function partyOfFiling(filing: {
  readonly entity?: string | undefined;
  readonly person?: string | undefined;
}): Recipient | undefined {
  if (filing.person !== undefined) return personRef(filing.person) as Recipient;
  if (filing.entity) return `entity:${filing.entity}`;
  return undefined;
}

/** The role a recipient signs in as, for the credit office's lists (no USCC or hash shown). */
export function roleOfRecipient(recipient: Recipient): 'entity' | 'person' | 'agency' | 'office' {
  return recipient === 'office' ? 'office' : (recipient.split(':')[0] as 'entity' | 'person' | 'agency');
}
