/**
 * A list page's filters, sort and saved view kept in the URL, so a filtered list can be bookmarked,
 * shared and gone back to. Single-valued keys read as strings, multi-valued ones as arrays.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type ParamSpec = Record<string, 'one' | 'many'>;
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

export function useListParams<S extends ParamSpec>(spec: S, defaults: ParamValues<S>) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => ({ ...defaults, ...stripEmpty(read(spec, params)) }), [params, spec, defaults]);
  const viewId = params.get(VIEW);

  /** Changes some filters; the saved view stays selected (and shows as changed). */
  const change = useCallback(
    (next: Partial<ParamValues<S>>) =>
      setParams((current) => write(spec, { ...read(spec, current), ...next }, current.get(VIEW), defaults), { replace: true }),
    [setParams, spec, defaults],
  );
  /** Shows a saved view (or none) with exactly its filters; a new history entry, so Back returns. */
  const show = useCallback(
    (nextViewId: string | null, next: ParamValues<S>) => setParams(write(spec, next, nextViewId, defaults)),
    [setParams, spec, defaults],
  );
  return { values, viewId, change, show };
}

function stripEmpty<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
