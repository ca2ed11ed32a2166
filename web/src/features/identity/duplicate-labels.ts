/** How the review queue's statuses and pairs read for people. */
import { identityDescription } from './identity-name';
import type { DuplicateCandidate, DuplicateStatus } from './types';

export const STATUS_LABELS: Record<DuplicateStatus, string> = { open: 'Open', merged: 'Merged', linked: 'Linked', dismissed: 'Dismissed' };

/**
 * "Maria Gonzalez ↔ María González": the two sides of a pair, identity first for identity pairs,
 * with its network and handle (one contact's pairs with authors of its name on two networks).
 */
export function pairNames(candidate: DuplicateCandidate): [string, string] {
  const first =
    candidate.kind === 'identity' && candidate.identity ? identityDescription(candidate.identity) : (candidate.left?.displayName ?? '');
  return [first, candidate.right.displayName];
}
