/**
 * Lists in one CSV cell, as exports write them and imports read them back: items joined by `; `,
 * with a `;` or `\` inside an item written `\;` or `\\`, so a date's label or a profile's handle
 * holding a semicolon stays one item.
 */

export function joinItems(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\;]/g, '\\$&')).join('; ');
}

/**
 * The items of a cell, trimmed, blank ones dropped. Only `\;` and `\\` are escapes: any other
 * backslash is kept as written, so files exported before items were escaped read as they did.
 */
export function splitItems(text: string): string[] {
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === '\\' && (next === ';' || next === '\\')) {
      item += next;
      i++;
    } else if (char === ';') {
      items.push(item);
      item = '';
    } else item += char;
  }
  items.push(item);
  return items.map((part) => part.trim()).filter(Boolean);
}
