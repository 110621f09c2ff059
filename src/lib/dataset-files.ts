/**
 * Where the paragraph dataset is published. A full site has /data/paragraphs.json and .csv; a large
 * site (src/lib/site-plan.ts) has them gzip-compressed only, /data/paragraphs.json.gz and .csv.gz
 * (written by scripts/dataset-gz.ts): at the peers' scale the two plain files alone would be about
 * 700 MB of a site that must stay under GitHub Pages' 1 GB, and compressed they are about a seventh.
 */
import { sitePlan, type SitePlan } from './site-plan.ts';

/** The paragraph dataset's files under the site, in the format the plan publishes. */
export function paragraphDatasetUrls(plan: Pick<SitePlan, 'mode'> = sitePlan()): { json: string; csv: string; compressed: boolean } {
  const compressed = plan.mode === 'large';
  const suffix = compressed ? '.gz' : '';
  return { json: `/data/paragraphs.json${suffix}`, csv: `/data/paragraphs.csv${suffix}`, compressed };
}
