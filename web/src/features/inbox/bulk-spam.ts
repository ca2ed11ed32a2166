/**
 * The spam button of the bulk actions. Viewing spam, the selection is spam already, so the useful
 * action is the opposite one: a sender marked as spam by mistake sends every new conversation to
 * spam too, and those are then let back into the inbox together.
 */
export function bulkSpamToggle(viewingSpam: boolean): { label: string; action: { isSpam: boolean }; done: string } {
  return viewingSpam
    ? { label: 'Not spam', action: { isSpam: false }, done: 'Back in the inbox' }
    : { label: 'Spam', action: { isSpam: true }, done: 'Marked as spam' };
}
