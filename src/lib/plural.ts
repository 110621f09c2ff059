/** "1 paragraph", "1,250 paragraphs": a count (English digit grouping) with its noun, singular or plural. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
