/**
 * The registries that search records and facet labels are resolved against, loaded once per build
 * from the generated directory of this build (see load-search-registries.ts). Build-time only.
 */
import { loadSearchRegistries } from './load-search-registries.ts';
import type { SearchRegistries } from './search-record.ts';

/** The registries, parsed once per build. */
export const registries: SearchRegistries = loadSearchRegistries();
