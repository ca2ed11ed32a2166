/** Marks a post's card from its buttons or the keyboard: every mention on it at once (see post-readings.ts). */
import { notifyFailure } from '../../ui/notify-failure';
import { useMarkRelevance } from './api';
import { relevanceAfterPressing } from './post-readings';
import type { PostMention, Relevance } from './types';

export function usePostMarking() {
  const mark = useMarkRelevance();
  const press = (mentions: readonly PostMention[], pressed: Relevance) => {
    // A press while a mark is saved does nothing: the buttons stay enabled so they keep the keyboard focus.
    if (mark.isPending) return;
    mark.mutate(
      { ids: mentions.map((m) => m.id), relevance: relevanceAfterPressing(mentions, pressed) },
      { onError: (error) => notifyFailure('Could not mark the mention', error) },
    );
  };
  return { press, pending: mark.isPending };
}
