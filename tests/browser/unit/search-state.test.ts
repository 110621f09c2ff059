/** The search page's URL form of its state (no build, no browser needed). */
import { describe, expect, it } from 'vitest';
import {
  emptyState,
  isEmpty,
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
