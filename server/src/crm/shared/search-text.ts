/** Search over CRM records: full-text prefix matching plus pg_trgm typo tolerance, per word. */
import type { Db, Queryable } from '../../platform/db/db.js';
import { hiddenFromPlanner } from '../../platform/db/hidden-from-planner.js';

const MAX_WORDS = 8;

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Letters and digits: the words a record is indexed by and a query's words are split into. */
function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/**
 * Builds the text that full-text and trigram search index for a record: its words, split where a
 * query's words are split (`prefixOf`). Left whole, every e-mail address, handle and URL was a word
 * of its own in the full-text index, so a name's prefix also matched a thousand addresses starting
 * with it, each a separate index entry to read (`ciaran:* & johnson:*` at 100,000 contacts: 1.4 ms
 * whole, 0.55 ms split); and an address typed in full never matched its unsplit word, so it took
 * the slow typo-tolerant path.
 */
export function searchText(parts: ReadonlyArray<string | null | undefined>): string {
  return wordsOf(fold(parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' ')))
    .join(' ')
    .slice(0, 4000);
}

export function searchWords(q: string): string[] {
  return fold(q)
    .split(/[^\p{L}\p{N}@.]+/u)
    .map((w) => w.replace(/^[.@]+|[.@]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
}

/**
 * `prefix`: every word of the query is the prefix of a word of the record (one full-text GIN
 * lookup, cheap even when thousands match). `fuzzy`: every word matches as a prefix or, for words
 * of three letters or more, as a close trigram match (typos), using the trigram GIN index too.
 */
export type SearchMode = 'prefix' | 'fuzzy';

/**
 * The workspace condition of a prefix search's statement. A prefix search is planned once, not for
 * each call's words and workspace (`hiddenFromPlanner`): planning the contact search's statement
 * cost 0.47 ms of the embedded database's 1.6-2.1 ms per search. The typo-tolerant search stays
 * planned per call, for its words: how many rows a trigram match reads depends on them.
 */
export function prefixSearchWorkspace(alias: string, param: string, mode: SearchMode): string {
  return workspaceCondition(alias, param, mode === 'prefix');
}

/** `alias.workspace_id = param`, hidden from the planner where the plan must not depend on the workspace. */
export function workspaceCondition(alias: string, param: string, hidden: boolean): string {
  return `${alias}.workspace_id = ${hidden ? hiddenFromPlanner(`${param}::uuid`) : param}`;
}

/** Returns the condition and rank expression, or null when the query has no searchable word. */
export function searchCondition(
  alias: string,
  q: string,
  params: unknown[],
  mode: SearchMode = 'fuzzy',
): { where: string; rank: string } | null {
  const words = searchWords(q);
  if (words.length === 0) return null;
  // A word's own parts (an address's) each match a word of the record: exactly, and the last as a prefix.
  const prefixOf = (word: string) => `${wordsOf(word).join(' & ')}:*`;
  if (mode === 'prefix') {
    params.push(words.map(prefixOf).join(' & '));
    // Whatever the words, the full-text index finds them: planned once (see prefixSearchWorkspace).
    const query = hiddenFromPlanner(`to_tsquery('simple', $${params.length})`);
    return { where: `${alias}.search_vector @@ ${query}`, rank: `ts_rank(${alias}.search_vector, ${query})` };
  }
  const conditions: string[] = [];
  const ranks: string[] = [];
  for (const word of words) {
    params.push(prefixOf(word));
    const tsquery = `to_tsquery('simple', $${params.length})`;
    const prefix = `${alias}.search_vector @@ ${tsquery}`;
    ranks.push(`ts_rank(${alias}.search_vector, ${tsquery})`);
    if (word.length >= 3) {
      params.push(word);
      const w = `$${params.length}`;
      conditions.push(`(${prefix} OR ${w} <% ${alias}.search_text)`);
      ranks.push(`word_similarity(${w}, ${alias}.search_text)`);
    } else {
      conditions.push(prefix);
    }
  }
  return { where: conditions.join(' AND '), rank: ranks.join(' + ') };
}

/**
 * How close a word must be to a word of a record for the typo-tolerant search to find it.
 * PostgreSQL's 0.6 misses most one-letter typos: "lovlace" for "lovelace" scores 0.55, "smiht" for
 * "smith" 0.5, "turnig" for "turing" 0.43. Only the fallback below uses it: there the words as
 * typed found nothing and the closest come first; a filter (lists, counts, exports) keeps the
 * stricter default, so "ann" does not also bring every record that says "and".
 */
const TYPO_THRESHOLD = 0.4;

/**
 * Ranked search in two steps: exact prefixes first; only when nothing matches, the typo-tolerant
 * search. Ranking every fuzzy match is what makes a search slow, and it is only needed when the
 * words as typed find nothing.
 */
export async function searchWithFallback<T>(db: Queryable, run: (mode: SearchMode, db: Queryable) => Promise<T[]>): Promise<T[]> {
  const exact = await run('prefix', db);
  return exact.length > 0 ? exact : withTypoThreshold(db, (tx) => run('fuzzy', tx));
}

async function withTypoThreshold<T>(db: Queryable, work: (tx: Queryable) => Promise<T>): Promise<T> {
  const set = `SET LOCAL pg_trgm.word_similarity_threshold = ${TYPO_THRESHOLD}`;
  if ('transaction' in db) {
    return (db as Db).transaction(async (tx) => {
      await tx.query(set);
      return work(tx);
    });
  }
  // Already inside a transaction: the setting lasts only as long as this search.
  await db.query(set);
  try {
    return await work(db);
  } finally {
    await db.query('SET LOCAL pg_trgm.word_similarity_threshold TO DEFAULT');
  }
}
