/** The recommendations table's filter rule, apart from the DOM so it is unit-tested. */

/** Whether a row's data matches every chosen value: "" matches anything; a space-separated list matches any of its items. */
export function rowMatches(data: Readonly<Record<string, string | undefined>>, chosen: Readonly<Record<string, string>>): boolean {
  return Object.entries(chosen).every(([key, value]) => value === '' || (data[key] ?? '').split(' ').includes(value));
}
