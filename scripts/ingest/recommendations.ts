/**
 * Parses a "Recommendations 95.5, 95.6, 95.15–95.20" line into recommendation numbers, expanding ranges
 * (en dash, em dash or hyphen). Guarantees: ascending input order kept, ranges expanded inclusively,
 * throws a message (the caller adds file and line) when a range runs backwards or spans paragraphs.
 */
export function parseRecommendationRefs(text: string): string[] {
  const body = text.replace(/^Recommendations?\s+/, '');
  const out: string[] = [];
  for (const part of body.split(/\s*[,;]\s*|\s+and\s+/)) {
    const p = part.trim().replace(/\.$/, '');
    if (!p) continue;
    const range = /^(\d+)\.(\d+)\s*[–—-]\s*(?:(\d+)\.)?(\d+)$/.exec(p);
    if (range) {
      const [, a, from, b, to] = range;
      if (b && b !== a) throw new Error(`recommendation range "${p}" spans two paragraphs of the outcome report`);
      if (Number(to) < Number(from)) throw new Error(`recommendation range "${p}" runs backwards`);
      for (let k = Number(from); k <= Number(to); k++) out.push(`${a}.${k}`);
      continue;
    }
    const single = /^(\d+)\.(\d+)$/.exec(p);
    if (!single) throw new Error(`cannot read recommendation reference "${p}"; expected forms like 95.41 or 95.15–95.20`);
    out.push(`${single[1]}.${single[2]}`);
  }
  return out;
}
