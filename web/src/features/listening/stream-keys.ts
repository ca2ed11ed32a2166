/**
 * The mention stream's keyboard: j and k move the focus from card to card, r and x mark the focused
 * card, / goes to the search. Keys are read by the inbox's shortcut hook, so they stay quiet while
 * someone types, in an open menu or dialog, and with a modifier held.
 */
export const STREAM_SHORTCUTS: { keys: string; description: string }[] = [
  { keys: 'j', description: 'Next post' },
  { keys: 'k', description: 'Previous post' },
  { keys: 'r', description: 'Mark the post relevant (again: unmark)' },
  { keys: 'x', description: 'Mark the post irrelevant (again: unmark)' },
  { keys: '/', description: 'Search the posts' },
  { keys: '?', description: 'Show these shortcuts' },
];

/**
 * The card j (`step` 1) or k (-1) moves to from the card at `current` (-1 when none has the focus),
 * among `count`: the first when none has it, and no further than either end.
 */
export function cardAfter(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return 0;
  return Math.min(count - 1, Math.max(0, current + step));
}
