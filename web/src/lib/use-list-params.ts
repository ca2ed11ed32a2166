/**
 * A list page's filters, sort and saved view kept in the URL, so a filtered list can be bookmarked,
 * shared and gone back to. Single-valued keys read as strings, multi-valued ones as arrays; `typed`
 * keys are single values typed into a box (a search), which history treats apart.
 */
import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

export type ParamSpec = Record<string, 'one' | 'many' | 'typed'>;
export type ParamValues<S extends ParamSpec> = { [K in keyof S]?: S[K] extends 'many' ? string[] : string };

const VIEW = 'view';

function read<S extends ParamSpec>(spec: S, params: URLSearchParams): ParamValues<S> {
  const values: Record<string, string | string[] | undefined> = {};
  for (const [key, kind] of Object.entries(spec)) values[key] = kind === 'many' ? params.getAll(key) : params.get(key) || undefined;
  return values as ParamValues<S>;
}

function write<S extends ParamSpec>(spec: S, values: ParamValues<S>, viewId: string | null, defaults: ParamValues<S>): URLSearchParams {
  const params = new URLSearchParams();
  if (viewId) params.set(VIEW, viewId);
  for (const key of Object.keys(spec)) {
    const value = (values as Record<string, unknown>)[key];
    if (Array.isArray(value)) value.forEach((v: string) => params.append(key, v));
    else if (typeof value === 'string' && value && value !== (defaults as Record<string, unknown>)[key]) params.set(key, value);
  }
  return params;
}

/**
 * Where a change of filters leads from the URL's query `search`: the new query, and whether it
 * replaces the history entry; null when nothing changes (an entry that changes nothing would make
 * Back seem broken). A choice (a stream, a filter, a sort) is an entry of its own, so Back undoes
 * it; text typed into a search box replaces its entry while it is edited, so Back is not a walk
 * through every pause in the typing, but starting a search is an entry.
 */
export function nextListSearch<S extends ParamSpec>(
  spec: S,
  defaults: ParamValues<S>,
  search: string,
  next: Partial<ParamValues<S>>,
): { search: string; replace: boolean } | null {
  const current = new URLSearchParams(search);
  const viewId = current.get(VIEW);
  const before = read(spec, current);
  const after = write(spec, { ...before, ...next }, viewId, defaults).toString();
  if (after === write(spec, before, viewId, defaults).toString()) return null;
  const was = before as Record<string, unknown>;
  const editsTypedText = Object.keys(next).every((key) => spec[key] === 'typed' && Boolean(was[key]));
  return { search: after ? `?${after}` : '', replace: editsTypedText };
}

export function useListParams<S extends ParamSpec>(spec: S, defaults: ParamValues<S>) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const values = useMemo(() => ({ ...defaults, ...stripEmpty(read(spec, params)) }), [params, spec, defaults]);
  const viewId = params.get(VIEW);

  /**
   * Changes some filters; the saved view stays selected (and shows as changed). The change starts
   * from the address bar, not from this render's parameters: a control still holding the callback
   * of an earlier render (Mantine's selects can) dropped the stream chosen just before.
   */
  const change = useCallback(
    (next: Partial<ParamValues<S>>) => {
      const target = nextListSearch(spec, defaults, window.location.search, next);
      if (target) void navigate({ search: target.search }, { replace: target.replace });
    },
    [navigate, spec, defaults],
  );
  /** Shows a saved view (or none) with exactly its filters; a new history entry, so Back returns. */
  const show = useCallback(
    (nextViewId: string | null, next: ParamValues<S>) => {
      const search = write(spec, next, nextViewId, defaults).toString();
      void navigate({ search: search ? `?${search}` : '' });
    },
    [navigate, spec, defaults],
  );
  return { values, viewId, change, show };
}

function stripEmpty<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
