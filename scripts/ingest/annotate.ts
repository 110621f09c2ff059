import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentEntry } from '../../src/schemas/document.ts';
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import { rightsRegistrySchema, type Right } from '../../src/schemas/right.ts';
import { bodiesRegistrySchema, type Body } from '../../src/schemas/body.ts';
import { IngestError } from './errors.ts';
import { tagRights } from './rights.ts';
import { findBodies } from './bodies.ts';

/** Curated vocabularies the annotate stage applies. */
export interface Annotators {
  rights: Right[];
  bodies: Body[];
}

/** Loads and validates the rights and bodies registries (file-named errors). */
export function loadAnnotators(contentDir: string): Annotators {
  const load = <T>(rel: string, parse: (x: unknown) => T): T => {
    const p = join(contentDir, 'registry', rel);
    if (!existsSync(p)) throw new IngestError(p, null, 'registry file is missing; restore it from git');
    const r = (() => {
      try {
        return JSON.parse(readFileSync(p, 'utf8'));
      } catch (e) {
        throw new IngestError(p, null, `not valid JSON (${(e as Error).message}); fix the syntax`);
      }
    })();
    try {
      return parse(r);
    } catch (e) {
      throw new IngestError(p, null, `invalid registry: ${(e as Error).message.slice(0, 400)}; correct the entry`);
    }
  };
  return {
    rights: load('rights.json', (x) => rightsRegistrySchema.parse(x)),
    bodies: load('bodies.json', (x) => bodiesRegistrySchema.parse(x)),
  };
}

/**
 * Stage 7: tags each paragraph with rights (basis heading / article / keyword) and cited bodies.
 * Guarantees afterwards: every paragraph has at least one right; rights and bodies are unique ids.
 */
export function annotate(paragraphs: Paragraph[], doc: DocumentEntry, a: Annotators): void {
  for (const p of paragraphs) {
    const sectionTitle = p.section ? (p.headings.at(-1) ?? null) : null;
    // The NGO report defines "(the Committee)" as the Human Rights Committee it reports to, so a bare
    // "the Committee" there means the reviewing body unless the text names another committee first.
    const options = doc.type === 'ngo-report' ? { defaultAntecedents: { Committee: doc.reviewingBody } } : {};
    p.bodies = findBodies(p.text, a.bodies, options);
    // Bodies first: a body named for a right (the Special Rapporteur on torture) is evidence of that right.
    const tags = tagRights({ text: p.text, headings: p.headings, section: p.section, sectionTitle }, a.rights, { cited: p.bodies, bodies: a.bodies });
    p.rightTags = tags;
    p.rights = [...new Set(tags.map((t) => t.right))];
  }
}
