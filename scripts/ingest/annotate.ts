import type { DocumentEntry } from '../../src/schemas/document.ts';
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import type { Right } from '../../src/schemas/right.ts';
import type { Body } from '../../src/schemas/body.ts';
import { tagRights } from './rights.ts';
import { bodyMentions } from './bodies.ts';

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
  const reviewer: Record<string, string> = doc.type === 'ngo-report' ? { Committee: doc.reviewingBody } : {};
  let carried: Record<string, string> = { ...reviewer };
  let section: string | null = null;
  for (const p of paragraphs) {
    // References do not cross into another numbering section (the NGO report's articles start afresh).
    if (p.section !== section) carried = { ...reviewer };
    section = p.section;
    const sectionTitle = p.section ? (p.headings.at(-1) ?? null) : null;
    // A back-reference ("The same Committee …", "The Special Rapporteur also …") that opens a paragraph means
    // the body the paragraphs before it named last; in an NGO report to a treaty body, "(the Committee)" is
    // that body unless a text names another committee first.
    const mentions = bodyMentions(p.text, a.bodies, { defaultAntecedents: carried });
    p.bodies = mentions.bodies;
    carried = { ...reviewer, ...mentions.antecedents };
    // Bodies first: a body named for a right (the Special Rapporteur on torture) is evidence of that right.
    const tags = tagRights({ text: p.text, headings: p.headings, section: p.section, sectionTitle }, a.rights, { cited: p.bodies, bodies: a.bodies });
    p.rightTags = tags;
    p.rights = [...new Set(tags.map((t) => t.right))];
  }
}
