/**
 * The fields a pair compares, side by side, as the queue holds both sides: an open pair's as they
 * are now, a decided pair's as they were when it was decided (a merged contact as its merge kept
 * it, the survivor as the merge found it), so the names, title and other values that set them
 * apart are there to see.
 */
import { stageLabel } from '../contacts/stage-labels';
import type { DuplicateCandidate } from './types';

export interface PairField {
  label: string;
  left: string | string[] | null;
  right: string | string[] | null;
}

export function pairFields({ kind, left, right, identity }: DuplicateCandidate): PairField[] {
  if (kind === 'identity') {
    return [
      { label: 'Network', left: identity?.network ?? null, right: null },
      { label: 'E-mail', left: identity?.email ?? null, right: right.emails },
      { label: 'Phone', left: null, right: right.phones },
      { label: 'Handle', left: identity?.handle ?? null, right: right.handles },
      { label: 'Company', left: null, right: right.companyName },
    ];
  }
  return [
    { label: 'First name', left: left?.firstName ?? null, right: right.firstName },
    { label: 'Last name', left: left?.lastName ?? null, right: right.lastName },
    { label: 'E-mail', left: left?.emails ?? [], right: right.emails },
    { label: 'Phone', left: left?.phones ?? [], right: right.phones },
    { label: 'Handle', left: left?.handles ?? [], right: right.handles },
    { label: 'Title', left: left?.title ?? null, right: right.title },
    { label: 'Company', left: left?.companyName ?? null, right: right.companyName },
    { label: 'Lifecycle stage', left: left ? stageLabel(left.lifecycleStage) : null, right: stageLabel(right.lifecycleStage) },
  ];
}
