/** Why a spike alert is holding back: the history of a query it watches is still being matched. */
const quoted = (names: readonly string[]) => names.map((name) => `“${name}”`).join(', ');

/** The line shown with the alert, or null when it is not waiting. */
export function awaitingHistoryNote(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  const history = names.length === 1 ? `${quoted(names)}’s history` : `the history of ${quoted(names)}`;
  return `Waiting for ${history} to be matched`;
}

/** What "Check now" says when the alert did not fire. */
export function quietCheckMessage(alertName: string, awaitingHistoryOf: readonly string[]): { title: string; message: string } {
  const note = awaitingHistoryNote(awaitingHistoryOf);
  return note
    ? {
        title: `${alertName} is waiting`,
        message: `${note}: until then the earlier days are incomplete, so a spike cannot be judged. It is checked again as soon as they are.`,
      }
    : { title: `${alertName} is quiet`, message: 'Nothing unusual right now (or it is cooling down after firing).' };
}
