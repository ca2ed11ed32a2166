/**
 * A company's name as the company comparison reads it: without its legal form. Two firms that
 * share only "Inc" or "GmbH" are not one company, yet the form is a word of a two-word name, so
 * "Merton Inc" and "Berton Inc" scored as the same company; and "Acme" and "ACME GmbH" are one.
 * The forms are a selection of the common abbreviations in ISO 20275's code list of entity legal
 * forms: English, German, French, Italian, Spanish, Portuguese, Dutch, Nordic, Polish, Czech and
 * Asian registers.
 */

// prettier-ignore
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lllp', 'lp', 'plc',
  'pllc', 'pty', 'pte', 'pvt', 'gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'gbr', 'ug', 'ev', 'eg', 'se', 'sa', 'sas',
  'sasu', 'sarl', 'eurl', 'snc', 'sca', 'spa', 'srl', 'srls', 'sapa', 'sl', 'slu', 'ltda', 'bv', 'nv', 'vof', 'cv',
  'bvba', 'sprl', 'ab', 'oy', 'oyj', 'as', 'asa', 'aps', 'hf', 'ehf', 'ky', 'sp', 'zoo', 'sro', 'kk', 'bhd', 'sdn',
]);

/** Forms written before the name ("AB Volvo", "Oy Hartwall"); the others only come after it. */
const LEADING_FORMS = new Set(['ab', 'oy', 'oyj', 'as', 'asa']);

/** Runs of single letters joined, as a dotted form is written ("g m b h" → "gmbh", "s p a" → "spa"). */
function joinedInitials(tokens: readonly string[]): string[] {
  const joined: string[] = [];
  let initials = '';
  for (const token of tokens) {
    if (token.length === 1) {
      initials += token;
      continue;
    }
    if (initials) joined.push(initials);
    initials = '';
    joined.push(token);
  }
  if (initials) joined.push(initials);
  return joined;
}

/** The folded name without the legal forms at its ends; the name itself when nothing else is left. */
export function companyCore(folded: string): string {
  const tokens = joinedInitials(folded.split(' '));
  let start = 0;
  let end = tokens.length;
  while (end > start && LEGAL_FORMS.has(tokens[end - 1]!)) end--;
  while (start < end && LEADING_FORMS.has(tokens[start]!)) start++;
  return start === end ? folded : tokens.slice(start, end).join(' ');
}
