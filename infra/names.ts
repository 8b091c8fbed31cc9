/** `disclosure-deadlines` → `DisclosureDeadlines`: construct ids from the kebab-case names in shared/. */
export function pascal(name: string): string {
  return name.replace(/(^|-)(\w)/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
