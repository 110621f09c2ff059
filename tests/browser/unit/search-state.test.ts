/** The search page's URL form of its state (no build, no browser needed). */
import { describe, expect, it } from 'vitest';
import {
  displayQuery,
  emptyState,
  foundCount,
  isEmpty,
  isPhrase,
  pagefindFilters,
  pagefindSort,
  pagefindTerm,
  searchFromState,
  stateFromSearch,
} from '../../../src/scripts/search-state.ts';

describe('search state in the URL', () => {
  it('reads a query, repeated facet values and an order, and writes them back in a stable order', () => {
    const state = stateFromSearch('?sort=date-desc&body=cedaw&q=+torture+&body=cat&right=torture');
    expect(state.q).toBe('torture');
    expect(state.filters.body).toEqual(['cat', 'cedaw']);
    expect(state.filters.right).toEqual(['torture']);
    expect(state.sort).toBe('date-desc');
    expect(searchFromState(state)).toBe('?q=torture&right=torture&body=cat&body=cedaw&sort=date-desc');
  });

  it('ignores unknown parameters, empty and duplicate values, and an unknown order', () => {
    const state = stateFromSearch('?utm=x&body=&body=cat&body=cat&sort=random');
    expect(state.filters.body).toEqual(['cat']);
    expect(state.sort).toBe('relevance');
    expect(searchFromState(state)).toBe('?body=cat');
  });

  it('writes nothing for the empty state, which shows the start screen', () => {
    expect(searchFromState(emptyState())).toBe('');
    expect(isEmpty(stateFromSearch('?sort=date-asc'))).toBe(true);
    expect(isEmpty(stateFromSearch('?cycle=upr-1'))).toBe(false);
  });

  it('requires every selected value (AND) and browses by date when there are no words', () => {
    const state = stateFromSearch('?body=cat&body=cedaw&author=un');
    expect(pagefindFilters(state)).toEqual({ body: { all: ['cat', 'cedaw'] }, author: { all: ['un'] } });
    expect(pagefindSort(state)).toEqual({ date: 'asc' });
    expect(pagefindSort(stateFromSearch('?q=torture'))).toBeUndefined();
    expect(pagefindSort(stateFromSearch('?q=torture&sort=date-desc'))).toEqual({ date: 'desc' });
  });

  it('browses without words and makes typographic quotes straight for phrase search', () => {
    expect(pagefindTerm(stateFromSearch('?body=cat'))).toBeNull();
    expect(pagefindTerm(stateFromSearch('?q=%E2%80%9Cfreedom+of+assembly%E2%80%9D'))).toBe('"freedom of assembly"');
    expect(pagefindTerm(stateFromSearch('?q=%C2%ABtorture%C2%BB'))).toBe('"torture"');
  });
});

describe('prototype-named parameters are plain values', () => {
  it.each(['toString', '__proto__', 'constructor'])('reads, writes and filters by %s like any other value', (value) => {
    const state = stateFromSearch(`?right=${value}&body=${value}&q=torture&${value}=x`);
    expect(state.filters.right).toEqual([value]);
    expect(state.filters.body).toEqual([value]);
    expect(Object.keys(state.filters)).toEqual(['right', 'body', 'doc', 'type', 'author', 'cycle', 'article']);
    expect(searchFromState(state)).toBe(`?q=torture&right=${value}&body=${value}`);
    const filters = pagefindFilters(state);
    expect(Object.keys(filters)).toEqual(['right', 'body']);
    expect(filters.right).toEqual({ all: [value] });
  });
});

describe('the query as the page names it', () => {
  it('quotes a query once, and a quoted phrase keeps one pair of quotes', () => {
    expect(displayQuery('torture')).toBe('“torture”');
    expect(displayQuery('"national preventive mechanism"')).toBe('“national preventive mechanism”');
    expect(displayQuery(' “national preventive mechanism” ')).toBe('“national preventive mechanism”');
    expect(displayQuery('«torture»')).toBe('“torture”');
    expect(displayQuery('"fair trial" Kazakhstan')).toBe('“‘fair trial’ Kazakhstan”');
  });

  it('tells a whole-query phrase from a query with a phrase in it', () => {
    expect(isPhrase('"a b"')).toBe(true);
    expect(isPhrase('„a b“')).toBe(true);
    expect(isPhrase('"a b" c')).toBe(false);
    expect(isPhrase('a b')).toBe(false);
  });
});

describe('the result count as the status line says it', () => {
  it('names paragraphs and the recommendation records among the results apart', () => {
    expect(foundCount(12, 0)).toBe('12 paragraphs');
    expect(foundCount(1, 0)).toBe('1 paragraph');
    expect(foundCount(4, 1)).toBe('3 paragraphs and 1 recommendation');
    expect(foundCount(2, 2)).toBe('2 recommendations');
    expect(foundCount(1_250, 3)).toBe('1,247 paragraphs and 3 recommendations');
    // A count from another response never makes the paragraphs negative.
    expect(foundCount(2, 5)).toBe('2 recommendations');
  });
});
