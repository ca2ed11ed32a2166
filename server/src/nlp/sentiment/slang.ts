/**
 * Social-media slang and misspellings that the VADER lexicon lacks, rated by us on its -4..+4 scale by
 * analogy with the standard word they stand for (luv ≈ love, awsome ≈ awesome). Elongations
 * ("yasss") need no entry: the scorer shortens repeated letters before looking a word up.
 */
export const slangValences: ReadonlyMap<string, number> = new Map([
  ['luv', 2.9],
  ['luvs', 2.9],
  ['luving', 2.9],
  ['luvd', 2.9],
  ['gud', 1.9],
  ['awsome', 3.1],
  ['amazin', 2.8],
  ['tysm', 2.0],
  ['thnx', 1.5],
  ['thanx', 1.5],
  ['ilysm', 3.4],
  ['yass', 2.0],
  ['stoked', 2.4],
  ['dope', 1.5],
  ['fml', -2.5],
  ['yikes', -1.5],
  ['ew', -1.5],
  ['eww', -1.5],
  ['scammy', -2.5],
  ['ripoff', -2.3],
  ['garbage', -2.0],
  ['trash', -1.6],
  ['overpriced', -1.8],
  ['underwhelming', -1.8],
  ['buggy', -1.6],
  ['laggy', -1.5],
  ['glitchy', -1.5],
  ['unusable', -2.3],
]);
