import { z } from 'zod';

/** Broad family a right belongs to; orders the coverage matrix and the rights index. */
export const rightGroup = z.enum(['framework', 'civil-political', 'economic-social-cultural', 'groups']);
export type RightGroup = z.output<typeof rightGroup>;

/**
 * An ICCPR provision: an article number, optionally with a paragraph in brackets ("2(3)").
 * A bare article ("7") means the whole article.
 */
export const iccprProvision = z.string().regex(/^[1-9][0-9]?(\([1-9]\))?$/);
export type IccprProvision = z.output<typeof iccprProvision>;

/** One right or theme of the taxonomy (content/registry/rights.json). */
export const rightSchema = z
  .object({
    /** URL slug, stable forever: /rights/{id}/ */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** Plain display name. */
    name: z.string().min(3),
    /** Closest theme name(s) of the UN Universal Human Rights Index, for readers who know that index. */
    uhriThemes: z.array(z.string().min(3)).min(1),
    /** Family of rights, used to group lists and the coverage matrix. */
    group: rightGroup,
    /** One-sentence scope note shown on the right's page. */
    scope: z.string().min(10),
    /** ICCPR provisions this right corresponds to; empty where the Covenant has none. */
    iccpr: z.array(iccprProvision),
    /**
     * Phrases that identify the right in a heading or section title. Matched case-insensitively
     * against the heading with all non-letters removed, so OCR run-together words still match.
     */
    headingPatterns: z.array(z.string().min(3)),
    /**
     * Phrases that identify the right in running text. Matched case-insensitively on word
     * boundaries; a trailing `*` matches any word ending ("tortur*" → torture, tortured).
     */
    keywords: z.array(z.string().min(3)),
    /**
     * Bodies named for this right (ids of content/registry/bodies.json), such as the Special
     * Rapporteur on torture: a paragraph citing one has evidence of the right besides its own words.
     */
    bodies: z.array(z.string()).default([]),
    /** True for the single theme given to a paragraph that no heading, article or keyword places. */
    fallback: z.boolean().default(false),
  })
  .strict();
export type Right = z.output<typeof rightSchema>;

/** The whole taxonomy: ids unique, exactly one fallback theme. */
export const rightsRegistrySchema = z
  .array(rightSchema)
  .min(1)
  .superRefine((rights, ctx) => {
    const seen = new Set<string>();
    for (const r of rights) {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `duplicate right id "${r.id}"` });
      seen.add(r.id);
    }
    const fallbacks = rights.filter((r) => r.fallback).length;
    if (fallbacks !== 1)
      ctx.addIssue({ code: 'custom', message: `expected exactly one fallback right, found ${fallbacks}` });
  });
