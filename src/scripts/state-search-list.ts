/**
 * A large site's /search/ (StateSearchList.astro): carries the query of the URL (?q=…, from the
 * header's search box) into every State's search link, and says which words will be searched.
 */
const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
if (query !== '') {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-state-search-link]')) {
    const url = new URL(link.href);
    url.searchParams.set('q', query);
    link.href = url.pathname + url.search;
  }
  const note = document.querySelector<HTMLElement>('[data-state-search-query]');
  if (note) {
    note.textContent = `Choose a State to search for “${query}”.`;
    note.hidden = false;
  }
}
