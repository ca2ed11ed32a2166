import { describe, expect, it } from 'vitest';
import { groupQueries, parseScope, scopeIncludes, scopeOptions, scopeParams, scopeValue } from './query-scope';
import type { SavedQuery } from './types';

const query = (id: string, name: string, kind: SavedQuery['kind']): SavedQuery => ({
  id,
  name,
  kind,
  query: name,
  isActive: true,
  backfilledAt: null,
  warnings: [],
  createdBy: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
});

const queries = [query('q1', 'Zeta', 'brand'), query('q2', 'Acme', 'brand'), query('q3', 'Rival', 'competitor')];

describe('query scopes', () => {
  it('round-trips through its string form and falls back to everything', () => {
    for (const scope of [{ all: true as const }, { kind: 'product' as const }, { queryId: 'q1' }]) {
      expect(parseScope(scopeValue(scope))).toEqual(scope);
    }
    expect(parseScope('kind:nonsense')).toEqual({ all: true });
    expect(parseScope('query:')).toEqual({ all: true });
    expect(parseScope(undefined)).toEqual({ all: true });
  });

  it('gives the API one parameter, or none for everything', () => {
    expect(scopeParams({ kind: 'brand' })).toEqual({ kind: 'brand' });
    expect(scopeParams({ queryId: 'q3' })).toEqual({ queryId: 'q3' });
    expect(scopeParams({ all: true })).toEqual({});
  });

  it('knows which queries a scope covers', () => {
    expect(scopeIncludes({ kind: 'brand' }, 'q2', queries)).toBe(true);
    expect(scopeIncludes({ kind: 'brand' }, 'q3', queries)).toBe(false);
    expect(scopeIncludes({ kind: 'brand' }, 'unknown', queries)).toBe(false);
    expect(scopeIncludes({ queryId: 'q3' }, 'q3', queries)).toBe(true);
    expect(scopeIncludes({ all: true }, 'anything', queries)).toBe(true);
  });

  it('groups queries in the fixed group order, sorted by name, without empty groups', () => {
    expect(groupQueries(queries).map((g) => [g.kind, g.queries.map((q) => q.name)])).toEqual([
      ['brand', ['Acme', 'Zeta']],
      ['competitor', ['Rival']],
    ]);
  });

  it('offers everything, each group and each query as picker options', () => {
    const options = scopeOptions(queries);
    expect(options.map((o) => o.group)).toEqual(['Everything', 'Brand', 'Competitors']);
    expect(options[1]!.items.map((i) => i.value)).toEqual(['kind:brand', 'query:q2', 'query:q1']);
  });
});
