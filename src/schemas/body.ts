import { z } from 'zod';

/** What kind of body a registry entry is; closed vocabulary used for grouping and facets. */
export const bodyKind = z.enum([
  'charter-body',
  'treaty-body',
  'special-procedure',
  'un-office',
  'un-agency',
  'regional-body',
]);
export type BodyKind = z.output<typeof bodyKind>;

/** A UN or other body that reviews a State or that the documents cite (content/registry/bodies.json). */
export const bodySchema = z
  .object({
    /** URL slug, stable forever: /bodies/{id}/ */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** Official full name. */
    name: z.string().min(3),
    /** Short name for lists, facets and result titles ("Committee against Torture", "UNHCR"). */
    shortName: z.string().min(2),
    /** Kind of body. */
    kind: bodyKind,
    /** Id of the body this one belongs to (the Subcommittee to the Committee against Torture), else null. */
    parent: z.string().nullable().default(null),
    /** Official web page of the body, or null. */
    url: z.string().url().nullable().default(null),
    /**
     * Names that refer to the body without ambiguity, matched case-insensitively on word
     * boundaries ("Committee against Torture", "Special Rapporteur on the question of torture").
     */
    aliases: z.array(z.string().min(3)),
    /**
     * Abbreviations matched case-sensitively. Unless `abbreviationsAlwaysBody` is set they count
     * only where the text shows the body acting (see scripts/ingest/bodies.ts), because "CAT"
     * or "CRC" also name the conventions.
     */
    abbreviations: z.array(z.string().min(2)).default([]),
    /** True when the abbreviations never name anything else (UNHCR, UNICEF). */
    abbreviationsAlwaysBody: z.boolean().default(false),
    /**
     * Generic back-references this body can be the antecedent of ("Committee", "Special
     * Rapporteur"): "the Committee" resolves to the latest body named before it with that noun.
     */
    referredToAs: z.array(z.string().min(3)).default([]),
  })
  .strict();
export type Body = z.output<typeof bodySchema>;

/** The whole registry: ids unique, parents exist. */
export const bodiesRegistrySchema = z
  .array(bodySchema)
  .min(1)
  .superRefine((bodies, ctx) => {
    const ids = new Set(bodies.map((b) => b.id));
    if (ids.size !== bodies.length) ctx.addIssue({ code: 'custom', message: 'duplicate body id' });
    for (const b of bodies)
      if (b.parent !== null && !ids.has(b.parent))
        ctx.addIssue({ code: 'custom', message: `body "${b.id}": unknown parent "${b.parent}"` });
  });
