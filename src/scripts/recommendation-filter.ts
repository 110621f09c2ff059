/**
 * Filters the recommendations table (RecommendationTable.astro) by its rows' data attributes. Progressive:
 * without this script the form stays hidden and the table shows every row. The choice is kept in the URL
 * query (`?review=upr-2&position=noted`), read on load and replaced on every change.
 */
import { rowMatches } from './recommendation-match.ts';

const form = document.querySelector<HTMLFormElement>('[data-rec-filters]');
const table = document.querySelector<HTMLTableElement>('.rec-table');
const status = document.querySelector<HTMLElement>('[data-rec-count]');

if (form && table && status) {
  const selects = [...form.querySelectorAll<HTMLSelectElement>('[data-rec-filter]')];
  const rows = [...table.tBodies[0].rows];
  const apply = (push: boolean) => {
    const chosen = Object.fromEntries(selects.map((s) => [s.name, s.value]));
    let shown = 0;
    for (const row of rows) {
      const ok = rowMatches(row.dataset, chosen);
      row.hidden = !ok;
      if (ok) shown++;
    }
    status.textContent = shown === rows.length ? `${rows.length} recommendations.` : `${shown} of ${rows.length} recommendations shown.`;
    if (push) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(chosen)) if (v) params.set(k, v);
      const query = params.toString();
      history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    }
  };
  const params = new URLSearchParams(location.search);
  for (const s of selects) {
    const v = params.get(s.name) ?? '';
    if ([...s.options].some((o) => o.value === v)) s.value = v;
    s.addEventListener('change', () => apply(true));
  }
  form.addEventListener('reset', () => setTimeout(() => apply(true), 0));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply(true);
  });
  form.hidden = false;
  apply(false);
}
