/**
 * Loads the registries that search records and facet labels are resolved against, validated
 * by their zod schemas (which also fill defaults). Build-time only: uses Vite's import.meta.glob,
 * so a registry that does not exist yet yields an empty list instead of a failed build.
 */
import { documentSchema } from '../schemas/document.ts';
import { rightSchema } from '../schemas/right.ts';
import { bodySchema } from '../schemas/body.ts';
import type { CycleEntry, SearchRegistries } from './search-record.ts';

const files = import.meta.glob<unknown>('../../content/registry/*.json', { eager: true, import: 'default' });

function list(name: string): unknown[] {
  const data = files[`../../content/registry/${name}.json`];
  return Array.isArray(data) ? data : [];
}

/** The registries, parsed once per build. */
export const registries: SearchRegistries = {
  documents: list('documents').map((entry) => documentSchema.parse(entry)),
  cycles: list('cycles') as CycleEntry[],
  rights: list('rights').map((entry) => rightSchema.parse(entry)),
  bodies: list('bodies').map((entry) => bodySchema.parse(entry)),
};
