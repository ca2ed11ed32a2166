/**
 * Which cached listening data a live event makes stale. New mentions are not among them: the
 * stream announces those with a banner instead of moving the list under the reader's eyes.
 */
import type { QueryKey } from '@tanstack/react-query';
import { listeningKeys } from './api';

export function staleListeningKeys(eventType: string): QueryKey[] {
  if (eventType === 'listening.alert_fired' || eventType.startsWith('listening_alert.')) return [listeningKeys.alerts];
  // A query's history match finishing shows as new mentions: its "matching…" state is then over.
  if (eventType.startsWith('listening_query.') || eventType === 'listening.mentions_added') return [listeningKeys.queries];
  return [];
}
