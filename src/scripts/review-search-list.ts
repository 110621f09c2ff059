/**
 * /search/ of a corpus searched one review at a time (ReviewSearchList.astro): carries the query of the
 * URL (?q=…, from the header's search box) into every review's search link, and says which words will
 * be searched.
 */
const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
if (query !== '') {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-review-search-link]')) {
    const url = new URL(link.href);
    url.searchParams.set('q', query);
    link.href = url.pathname + url.search;
  }
  const note = document.querySelector<HTMLElement>('[data-review-search-query]');
  if (note) {
    note.textContent = `Choose a review to search for “${query}”.`;
    note.hidden = false;
  }
}
