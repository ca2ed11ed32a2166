/**
 * Lists in one CSV cell, as exports write them and imports read them back: items joined by `; `,
 * with a separator or `\` inside an item written `\;` or `\\`, so a date's label or a profile's
 * handle holding a semicolon stays one item. Tags and multi-select options are read split on `,`
 * too (as people type them in spreadsheets), so there a comma inside an item is written `\,`.
 */

/** `;` alone for lists whose items are sentences (dates' labels, profiles); `;,` for tags and options. */
export type ItemSeparators = ';' | ';,';

const ESCAPED: Record<ItemSeparators, RegExp> = { ';': /[\\;]/g, ';,': /[\\;,]/g };

export function joinItems(items: readonly string[], separators: ItemSeparators = ';'): string {
  return items.map((item) => item.replace(ESCAPED[separators], '\\$&')).join('; ');
}

/**
 * The items of a cell, trimmed, blank ones dropped. Only a backslash before a separator or another
 * backslash escapes: any other is kept as written, so files exported before items were escaped
 * read as they did.
 */
export function splitItems(text: string, separators: ItemSeparators = ';'): string[] {
  return splitItemsKeepingBlanks(text, separators).filter(Boolean);
}

/**
 * The items of a cell, trimmed, blank ones kept where they stand: for a list whose items pair by
 * position with another cell's (e-mail labels with e-mails, where a blank is an e-mail without one).
 */
export function splitItemsKeepingBlanks(text: string, separators: ItemSeparators = ';'): string[] {
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === '\\' && next !== undefined && (next === '\\' || separators.includes(next))) {
      item += next;
      i++;
    } else if (separators.includes(char)) {
      items.push(item);
      item = '';
    } else item += char;
  }
  items.push(item);
  return items.map((part) => part.trim());
}
