/**
 * The stream's keys (listed in stream-keys.ts), on the inbox's shortcut hook: j and k move the
 * focus through the cards in `cardList` (each marked with its post's `data-message-id`), r and x mark
 * the card holding the focus, / goes to the search, ? shows the keys.
 */
import type { RefObject } from 'react';
import { useShortcuts } from '../../lib/use-shortcuts';
import { cardAfter } from './stream-keys';
import type { MentionedPost, Relevance } from './types';
import { usePostMarking } from './use-post-marking';

export const STREAM_SEARCH_ID = 'mention-stream-search';

/** The card holding the focus (or a control of it). */
function focusedCard(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement ? active.closest<HTMLElement>('[data-message-id]') : null;
}

export function useStreamKeys({
  cardList,
  posts,
  canWrite,
  loadMore,
  toggleHelp,
}: {
  cardList: RefObject<HTMLElement | null>;
  posts: readonly MentionedPost[];
  canWrite: boolean;
  /** Asks for the next page, when there is one and it is not on its way. */
  loadMore: () => void;
  toggleHelp: () => void;
}) {
  const marking = usePostMarking();
  const move = (step: 1 | -1) => {
    const cards = [...(cardList.current?.querySelectorAll<HTMLElement>('[data-message-id]') ?? [])];
    const current = focusedCard();
    const index = cardAfter(current ? cards.indexOf(current) : -1, cards.length, step);
    const card = cards[index];
    if (!card) return;
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
    // At the last card loaded, the next page comes, as scrolling to the bottom would bring it.
    if (step === 1 && index === cards.length - 1) loadMore();
  };
  const markFocused = (relevance: Relevance) => {
    const messageId = focusedCard()?.dataset.messageId;
    const post = posts.find((p) => p.messageId === messageId);
    if (post && canWrite) marking.press(post.mentions, relevance);
  };
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    r: () => markFocused('relevant'),
    x: () => markFocused('irrelevant'),
    '/': () => document.getElementById(STREAM_SEARCH_ID)?.focus(),
    '?': toggleHelp,
  });
}
