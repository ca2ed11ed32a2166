/**
 * What a stream, a dashboard or an alert looks at: every query, one group of queries (all brand
 * queries) or one query. Kept as one string (`all`, `kind:brand`, `query:<id>`) for pickers and URLs.
 */
import { KIND_LABELS } from './labels';
import { QUERY_KINDS, type QueryKind, type SavedQuery } from './types';

export type QueryScope = { all: true } | { kind: QueryKind } | { queryId: string };

const isKind = (value: string): value is QueryKind => (QUERY_KINDS as readonly string[]).includes(value);

export function parseScope(value: string | null | undefined): QueryScope {
  if (value?.startsWith('kind:')) {
    const kind = value.slice(5);
    if (isKind(kind)) return { kind };
  }
  if (value?.startsWith('query:') && value.length > 6) return { queryId: value.slice(6) };
  return { all: true };
}

export function scopeValue(scope: QueryScope): string {
  if ('kind' in scope) return `kind:${scope.kind}`;
  if ('queryId' in scope) return `query:${scope.queryId}`;
  return 'all';
}

/** The API's parameters for a scope. */
export function scopeParams(scope: QueryScope): { kind?: QueryKind; queryId?: string } {
  if ('kind' in scope) return { kind: scope.kind };
  if ('queryId' in scope) return { queryId: scope.queryId };
  return {};
}

/** Whether new mentions of `queryId` belong to what `scope` shows. */
export function scopeIncludes(scope: QueryScope, queryId: string, queries: readonly SavedQuery[]): boolean {
  if ('queryId' in scope) return scope.queryId === queryId;
  if ('kind' in scope) return queries.some((q) => q.id === queryId && q.kind === scope.kind);
  return true;
}

export interface QueryGroup {
  kind: QueryKind;
  label: string;
  queries: SavedQuery[];
}

/** The saved queries by group, in the groups' fixed order and by name within each; empty groups are left out. */
export function groupQueries(queries: readonly SavedQuery[]): QueryGroup[] {
  return QUERY_KINDS.map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    queries: queries.filter((q) => q.kind === kind).sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((group) => group.queries.length > 0);
}

/** Options for a scope picker (Mantine's grouped select data). */
export function scopeOptions(queries: readonly SavedQuery[], allLabel = 'All queries') {
  return [
    { group: 'Everything', items: [{ value: 'all', label: allLabel }] },
    ...groupQueries(queries).map((group) => ({
      group: group.label,
      items: [
        { value: scopeValue({ kind: group.kind }), label: `All ${group.label.toLowerCase()}` },
        ...group.queries.map((q) => ({ value: scopeValue({ queryId: q.id }), label: q.name })),
      ],
    })),
  ];
}
