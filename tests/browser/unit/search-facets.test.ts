/** Facet labels, counts and order on the search page, including hostile values (no build, no browser). */
import { describe, expect, it } from 'vitest';
import {
  countOf,
  describeFilters,
  facetCountsOf,
  facetLabel,
  labelsFromJson,
  orderedValues,
  titlesFromJson,
} from '../../../src/scripts/search-facets.ts';
import { stateFromSearch } from '../../../src/scripts/search-state.ts';

const PROTOTYPE_KEYS = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'];

const labels = labelsFromJson({
  right: { torture: 'Prohibition of torture', women: 'Women' },
  body: { cat: 'Committee against Torture', cedaw: 'CEDAW Committee' },
  doc: { second: 'Second document', first: 'First document' },
});
const titles = titlesFromJson({ right: 'Right or theme', body: 'Body cited' });

describe('facet values keyed by strings from the URL and from Pagefind', () => {
  it.each(PROTOTYPE_KEYS)('labels the unknown value %s with its own id, never an Object.prototype member', (value) => {
    expect(facetLabel(labels, 'right', value)).toBe(value);
    expect(facetLabel(labels, 'body', value)).toBe(value);
  });

  it.each(PROTOTYPE_KEYS)('counts the value %s as 0 unless Pagefind reports it', (value) => {
    expect(countOf({ torture: 3 }, value)).toBe(0);
    expect(countOf(JSON.parse(`{"${value}": 4}`) as Record<string, number>, value)).toBe(4);
  });

  it('reads label JSON whose keys are prototype names as plain entries', () => {
    const hostile = labelsFromJson(JSON.parse('{"right": {"__proto__": "Proto right", "toString": "To string"}, "__proto__": {"x": "y"}}'));
    expect(facetLabel(hostile, 'right', '__proto__')).toBe('Proto right');
    expect(facetLabel(hostile, 'right', 'toString')).toBe('To string');
    expect(facetLabel(hostile, 'right', 'constructor')).toBe('constructor');
    expect(facetLabel(hostile, 'body', 'x')).toBe('x');
  });

  it('takes a facet\'s counts only when Pagefind reports that facet', () => {
    expect(facetCountsOf({ right: { torture: 2 } }, 'right')).toEqual({ torture: 2 });
    expect(facetCountsOf({}, 'body')).toEqual({});
    expect(facetCountsOf(JSON.parse('{"__proto__": {"a": 1}}') as Record<string, Record<string, number>>, 'body')).toEqual({});
  });

  it('lists a selected prototype-named value with count 0, first, and describes it by its id', () => {
    const state = stateFromSearch('?right=toString&body=__proto__&body=constructor&q=torture');
    expect(state.filters.right).toEqual(['toString']);
    expect(state.filters.body).toEqual(['__proto__', 'constructor']);
    expect(orderedValues('right', { torture: 5, women: 2 }, state.filters.right, labels)).toEqual(['toString', 'torture', 'women']);
    expect(orderedValues('body', {}, state.filters.body, labels)).toEqual(['__proto__', 'constructor']);
    expect(describeFilters(state.filters, labels, titles)).toEqual([
      'Right or theme: toString',
      'Body cited: __proto__',
      'Body cited: constructor',
    ]);
  });
});

describe('facet order', () => {
  it('puts selected values first, then the largest counts, then labels alphabetically (“CEDAW …” before “Committee …”)', () => {
    expect(orderedValues('body', { cat: 2, cedaw: 2, other: 7, none: 0 }, [], labels)).toEqual(['other', 'cedaw', 'cat']);
    expect(orderedValues('body', { cat: 2, cedaw: 5 }, ['cat'], labels)).toEqual(['cat', 'cedaw']);
  });

  it('keeps registry order for documents and numeric order for articles', () => {
    expect(orderedValues('doc', { first: 9, second: 1, extra: 4 }, [], labels)).toEqual(['second', 'first', 'extra']);
    expect(orderedValues('article', { '14': 1, '2': 5, '9': 3 }, [], labels)).toEqual(['2', '9', '14']);
  });
});
