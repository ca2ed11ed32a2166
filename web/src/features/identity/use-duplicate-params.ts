/** The review queue's tab, kind filter and selected pair, kept in the URL so a pair can be shared. */
import { useCallback, useMemo } from 'react';
import { useListParams } from '../../lib/use-list-params';
import { DUPLICATE_STATUSES, type DuplicateKind, type DuplicateStatus } from './types';

const SPEC = { status: 'one', kind: 'one', pair: 'one' } as const;
const DEFAULTS = { status: 'open' };

const isStatus = (value: string | undefined): value is DuplicateStatus => (DUPLICATE_STATUSES as readonly string[]).includes(value ?? '');
const isKind = (value: string | undefined): value is DuplicateKind => value === 'contact' || value === 'identity';

export function useDuplicateParams() {
  const { values, change } = useListParams(SPEC, DEFAULTS);
  const status: DuplicateStatus = isStatus(values.status) ? values.status : 'open';
  const kind: DuplicateKind | null = isKind(values.kind) ? values.kind : null;
  const pairId = values.pair ?? null;
  const setStatus = useCallback((next: DuplicateStatus) => change({ status: next, pair: undefined }), [change]);
  const setKind = useCallback((next: DuplicateKind | null) => change({ kind: next ?? undefined, pair: undefined }), [change]);
  const selectPair = useCallback((id: string | null) => change({ pair: id ?? undefined }), [change]);
  return useMemo(() => ({ status, kind, pairId, setStatus, setKind, selectPair }), [status, kind, pairId, setStatus, setKind, selectPair]);
}
