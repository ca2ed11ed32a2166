/**
 * The conversation the user last asked for, which the keyboard shortcuts act on. The router
 * renders a navigation in a transition: the address names the next conversation at once, while
 * the page may still show the one it left. A second j pressed in that moment moves on from the
 * address, as the person pressing it does, not from what is still on screen.
 */
import { matchPath } from 'react-router';

/** The conversation an inbox address names, if it names one. */
export function conversationIn(pathname: string): string | undefined {
  return matchPath('/inbox/:conversationId', pathname)?.params.conversationId;
}

/** The conversation the address names now: the router's pending location, ahead of the render that shows it. */
export function requestedConversation(): string | undefined {
  return conversationIn(window.location.pathname);
}

/**
 * The conversation `by` places from `from` in the list, stopping at either end; the first when
 * none is open or the open one is not in the list.
 */
export function conversationAfter(ids: readonly string[], from: string | undefined, by: number): string | undefined {
  if (ids.length === 0) return undefined;
  const index = from === undefined ? -1 : ids.indexOf(from);
  return ids[index === -1 ? 0 : Math.min(ids.length - 1, Math.max(0, index + by))];
}

/**
 * Where to go once the open conversation is dealt with (resolved): the next one, or the one before
 * when it was the last; nowhere when it was the only one or is not in the list.
 */
export function conversationAfterDone(ids: readonly string[], done: string | undefined): string | undefined {
  const index = done === undefined ? -1 : ids.indexOf(done);
  if (index === -1) return undefined;
  return ids[index + 1] ?? ids[index - 1];
}
