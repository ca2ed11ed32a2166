/**
 * Where a text's sentences are: cut after `.`, `!`, `?` or `…` (runs of them too, "again??")
 * followed by white space, and at line breaks. Good enough to tell which sentences of a post talk
 * about what; abbreviations ("e.g. Acme") cut a sentence early, which only makes a part shorter.
 */
export interface SentenceRange {
  start: number;
  end: number;
}

const BOUNDARY = /[.!?…]+(?=\s)|\n/g;

export function sentenceRanges(text: string): SentenceRange[] {
  const ranges: SentenceRange[] = [];
  const add = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) ranges.push({ start, end });
  };
  let start = 0;
  for (const boundary of text.matchAll(BOUNDARY)) {
    const end = boundary.index + boundary[0].length;
    add(start, end);
    start = end;
  }
  add(start, text.length);
  return ranges;
}
