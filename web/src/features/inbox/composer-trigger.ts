/** Finds what the word at the caret asks for: "/shortcut" a canned response, "@name" a colleague. */
export interface Trigger {
  kind: 'canned' | 'mention';
  query: string;
  /** Where the "/" or "@" is, so that picking replaces the whole word. */
  start: number;
}

export function findTrigger(text: string, caret: number, allowMentions: boolean): Trigger | null {
  const before = text.slice(0, caret);
  const canned = /(?:^|\s)\/([a-z0-9_-]*)$/.exec(before);
  if (canned) return { kind: 'canned', query: canned[1]!, start: caret - canned[1]!.length - 1 };
  if (!allowMentions) return null;
  const mention = /(?:^|\s)@([^\s@]{0,40})$/u.exec(before);
  if (mention) return { kind: 'mention', query: mention[1]!, start: caret - mention[1]!.length - 1 };
  return null;
}

/** Replaces the trigger word with `insert` and says where the caret goes after it. */
export function replaceTrigger(text: string, trigger: Trigger, caret: number, insert: string): { text: string; caret: number } {
  const next = text.slice(0, trigger.start) + insert + text.slice(caret);
  return { text: next, caret: trigger.start + insert.length };
}

/** The colleagues still named in the text: a mention removed while editing is not sent. */
export function mentionedIds(text: string, picked: ReadonlyMap<string, string>): string[] {
  return [...picked].filter(([name]) => text.includes(`@${name}`)).map(([, id]) => id);
}
