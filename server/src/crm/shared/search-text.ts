/** Search over CRM records: full-text prefix matching plus pg_trgm typo tolerance, per word. */

const MAX_WORDS = 8;

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Builds the text that full-text and trigram search index for a record. */
export function searchText(parts: ReadonlyArray<string | null | undefined>): string {
  return fold(parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' ')).slice(0, 4000);
}

export function searchWords(q: string): string[] {
  return fold(q)
    .split(/[^\p{L}\p{N}@.]+/u)
    .map((w) => w.replace(/^[.@]+|[.@]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
}

/**
 * Every word of the query must match the record, either as the prefix of a word (full-text) or,
 * for words of three letters or more, as a close trigram match (typos). Both use GIN indexes on
 * `search_vector` and `search_text`. Returns null when the query has no searchable word.
 */
export function searchCondition(alias: string, q: string, params: unknown[]): { where: string; rank: string } | null {
  const words = searchWords(q);
  if (words.length === 0) return null;
  const conditions: string[] = [];
  const ranks: string[] = [];
  for (const word of words) {
    params.push(`${word.replace(/[^\p{L}\p{N}]+/gu, ' & ').replace(/^ & | & $/g, '')}:*`);
    const prefix = `${alias}.search_vector @@ to_tsquery('simple', $${params.length})`;
    if (word.length >= 3) {
      params.push(word);
      const w = `$${params.length}`;
      conditions.push(`(${prefix} OR ${w} <% ${alias}.search_text)`);
      ranks.push(`word_similarity(${w}, ${alias}.search_text)`);
    } else {
      conditions.push(prefix);
    }
    ranks.push(`ts_rank(${alias}.search_vector, to_tsquery('simple', $${params.length - (word.length >= 3 ? 1 : 0)}))`);
  }
  return { where: conditions.join(' AND '), rank: ranks.join(' + ') };
}
