/**
 * The web addresses in a typed text, so a note's links can be followed. The text is only split:
 * each part is rendered as text or as a link to an http(s) address, never as markup.
 */
import { httpUrl } from '../../lib/safe-url';

export type TextPart = { text: string; url?: undefined } | { text: string; url: string };

const ADDRESS = /\bhttps?:\/\/[^\s<>"'…]+/gi;
/** Punctuation that ends a sentence after an address rather than belonging to it. */
const TRAILING = /[.,;:!?'"»”’]+$/;

/** Drops what ends the sentence, and a closing bracket the address did not open ("(see https://x.example)"). */
function trimAddress(candidate: string): string {
  let address = candidate.replace(TRAILING, '');
  while (address.endsWith(')') && (address.match(/\(/g)?.length ?? 0) < (address.match(/\)/g)?.length ?? 0)) {
    address = address.slice(0, -1).replace(TRAILING, '');
  }
  return address;
}

export function textParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = trimAddress(match[0]);
    const url = httpUrl(address);
    if (!url) continue;
    if (match.index > from) parts.push({ text: text.slice(from, match.index) });
    parts.push({ text: address, url });
    from = match.index + address.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}
