/** Pure helpers of the document pages' reading enhancements (src/components/DocumentReader.astro). */

/** A paragraph's citation and absolute permanent URL from the page's prefix and the paragraph's pinpoint. */
export function composeCitation(prefix: string, where: string, site: string, permanentPath: string): { text: string; url: string } {
  return { text: `${prefix}${where}`, url: `${site.replace(/\/$/, '')}${permanentPath}` };
}

/** Id of a note opened next to a marker: one per marker, since a note can be cited more than once. */
export function noteInlineId(n: string, markerId: string): string {
  return `fn-inline-${n}${markerId ? `-${markerId}` : ''}`;
}
