import { z } from 'zod';
import { stateSchema } from './document.ts';

/** Project settings (content/atlas.json). */
export const atlasSettingsSchema = z
  .object({
    /** Corpus built when ATLAS_CORPUS is not set (a folder name under content/corpora/). */
    defaultCorpus: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /**
     * A corpus with more paragraphs than this is built as a large site (src/lib/site-plan.ts, README
     * "Scale"): no page per paragraph (its URL lands on the paragraph in its document), search split
     * per State, no offline copy of the whole site.
     */
    largeCorpusParagraphs: z.number().int().positive().default(20000),
    /**
     * A corpus about several States with more paragraphs than this gets one search index per State,
     * searched from /search/{state}/: a first query loads one State's index, whose size (and so the
     * bytes of that query) does not grow with the library.
     */
    searchIndexParagraphs: z.number().int().positive().default(8000),
    /**
     * The most HTML, in bytes, one document page may carry: a document whose page would carry more
     * is published as an overview (contents and every paragraph's opening words) plus its full text
     * in parts under this size (src/lib/document-parts.ts, README "Long documents").
     */
    documentPageBytes: z.number().int().min(10000).default(300000),
  })
  .strict();
export type AtlasSettings = z.output<typeof atlasSettingsSchema>;

/** Optional curated description of a corpus (content/corpora/<corpus>/corpus.json). */
export const corpusInputSchema = z
  .object({
    /** Site title; default "Rights Review Atlas". */
    title: z.string().min(3).optional(),
    /** One sentence on what the corpus holds; default derived from its documents. */
    description: z.string().min(10).optional(),
  })
  .strict();

/** A resolved corpus (content/generated/registry/corpus.json): what the site says about itself. */
export const corpusSchema = z
  .object({
    /** Folder name under content/corpora/. */
    name: z.string(),
    /** Site title. */
    title: z.string(),
    /** States under review in the corpus, in order of first appearance. */
    states: z.array(stateSchema).min(1),
    /** One sentence on what the corpus holds. */
    description: z.string(),
  })
  .strict();
export type Corpus = z.output<typeof corpusSchema>;

/** A State of content/registry/states.json: ISO 3166-1 alpha-3 code, UN short name, other names printed in documents. */
export const stateEntrySchema = stateSchema
  .extend({
    /** Other names the UN has printed for the State ("Turkey" for Türkiye). */
    aliases: z.array(z.string()).default([]),
  })
  .strict();
export type StateEntry = z.output<typeof stateEntrySchema>;
