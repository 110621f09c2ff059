/**
 * Where the paragraph dataset is published. A full site has /data/paragraphs.json and .csv; a large
 * site (src/lib/site-plan.ts) has them gzip-compressed only, /data/paragraphs.json.gz and .csv.gz
 * (written by scripts/dataset-gz.ts): at the peers' scale the two plain files alone would be about
 * 700 MB of a site that must stay under GitHub Pages' 1 GB, and compressed they are about a seventh.
 * The other data files (`LARGE_SITE_GZIPPED`) follow the same rule: on a large site only their `.gz`.
 */
import { sitePlan, type SitePlan } from './site-plan.ts';

/** The other files of /data/ that a large site publishes gzip-compressed only (scripts/dataset-gz.ts). */
export const LARGE_SITE_GZIPPED = ['documents.json', 'footnotes.json', 'corrections.json', 'recommendations.json', 'recommendations.csv'] as const;

/** A file of /data/, the paragraph files included. */
export type DataFile = (typeof LARGE_SITE_GZIPPED)[number] | 'paragraphs.json' | 'paragraphs.csv';

/** The URL of a data file in the format the plan publishes: plain, or `.gz` on a large site. */
export function datasetUrl(file: DataFile, plan: Pick<SitePlan, 'mode'> = sitePlan()): string {
  return `/data/${file}${plan.mode === 'large' ? '.gz' : ''}`;
}

/** The paragraph dataset's files under the site, in the format the plan publishes. */
export function paragraphDatasetUrls(plan: Pick<SitePlan, 'mode'> = sitePlan()): { json: string; csv: string; compressed: boolean } {
  return { json: datasetUrl('paragraphs.json', plan), csv: datasetUrl('paragraphs.csv', plan), compressed: plan.mode === 'large' };
}
