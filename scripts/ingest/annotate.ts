import type { DocumentEntry } from '../../src/schemas/document.ts';
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import type { Right } from '../../src/schemas/right.ts';
import type { Body } from '../../src/schemas/body.ts';
import { tagRights } from './rights.ts';
import { findBodies } from './bodies.ts';

/** Curated vocabularies the annotate stage applies. */
export interface Annotators {
  rights: Right[];
  bodies: Body[];
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
