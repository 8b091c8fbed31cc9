import { authorityOf } from './agency.ts';

type WithAuthority = { readonly authority: { readonly uscc: string; readonly name?: string | undefined } };

/** `item` with its authority named from the directory (`names`), where the directory knows it. */
export function withAuthorityName<T extends WithAuthority>(item: T, names: ReadonlyMap<string, string>): T {
  return { ...item, authority: authorityOf(item.authority.uscc, names, item.authority.name) };
}
