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
 * The workspace condition of a ranked search's statement (the best matches first, a page). A
 * ranked prefix search is planned once, not for each call's words and workspace (`hiddenFromPlanner`):
 * whatever they are, it ranks every match it finds through the full-text index, and planning the
 * contact search's statement cost 0.47 ms of the embedded database's 1.6-2.1 ms per search. The
 * typo-tolerant search stays planned per call, for its words: how many rows a trigram match reads
 * depends on them.
 */
export function prefixSearchWorkspace(alias: string, param: string, mode: SearchMode): string {
  return workspaceCondition(alias, param, mode === 'prefix');
}

/** `alias.workspace_id = param`, hidden from the planner where the plan must not depend on the workspace. */
export function workspaceCondition(alias: string, param: string, hidden: boolean): string {
  return `${alias}.workspace_id = ${hidden ? hiddenFromPlanner(`${param}::uuid`) : param}`;
}

/**
 * Returns the condition and rank expression, or null when the query has no searchable word.
 * `ranked`: the statement is a ranked search's, whose words by prefix the planner is not shown (see
 * prefixSearchWorkspace). Any other read by prefix (a count, a sorted page, an export's batch, the
 * test whether anything matches) shows them, as the typo-tolerant search does: its best plan depends
 * on how many records they match (planned once, a count also read the workspace's every entry in
 * the owner index).
 */
export function searchCondition(
  alias: string,
  q: string,
  params: unknown[],
  mode: SearchMode,
  ranked = false,
): { where: string; rank: string } | null {
  const words = searchWords(q);
  if (words.length === 0) return null;
  // A word's own parts (an address's) each match a word of the record: exactly, and the last as a prefix.
  const prefixOf = (word: string) => `${wordsOf(word).join(' & ')}:*`;
  if (mode === 'prefix') {
    params.push(words.map(prefixOf).join(' & '));
    const tsquery = `to_tsquery('simple', $${params.length})`;
    const query = ranked ? hiddenFromPlanner(tsquery) : tsquery;
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
 * "smith" 0.5, "turnig" for "turing" 0.43. The typo-tolerant search only runs when the words as
 * typed found nothing, so it cannot bring every record that says "and" next to those that say "ann".
 */
const TYPO_THRESHOLD = 0.4;

/** Whether `q` has a word to search by: a list is not filtered by a text without any (`!!!`). */
export function isSearch(q: string | undefined): q is string {
  return q !== undefined && searchWords(q).length > 0;
}

/**
 * Which records a search selects: those matching every word as a prefix, when the other filters
 * leave any; only when they leave none, the typo-tolerant matches. One rule for a list, its count,
 * a saved view and an export, so that they hold the same records. Ranking every fuzzy match is what
 * makes a search slow, and it is only needed when the words as typed find nothing.
 *
 * `read` runs by prefix first; when `found` says its result holds no record, typo-tolerant. A read
 * in parts (a sorted list's pages, an export's batches) cannot tell from one part, so it decides the
 * mode once, by whether any record matches by prefix, and reads every part `inSearchMode`. A ranked
 * list's first page is read here, and its cursor carries the mode found to every later page.
 */
export async function searchWithFallback<T>(
  db: Queryable,
  read: (mode: SearchMode, db: Queryable) => Promise<T>,
  found: (result: T) => boolean,
): Promise<T> {
  const exact = await read('prefix', db);
  return found(exact) ? exact : inSearchMode(db, 'fuzzy', (tx) => read('fuzzy', tx));
}

/**
 * The mode of a search read in parts, from its prefix condition and other filters (`where`, over
 * `from`): prefix if any record matches so. Planned as for all its rows (a materialised common
 * table expression), so through the full-text index: asked for one row, the planner could choose a
 * sequential scan, which read all 100,000 contacts for a word that none has (90 ms).
 */
export async function searchModeOf(db: Queryable, from: string, where: string[], params: unknown[]): Promise<SearchMode> {
  const { rows } = await db.query(
    `WITH found AS MATERIALIZED (SELECT 1 FROM ${from} WHERE ${where.join(' AND ')}) SELECT 1 FROM found LIMIT 1`,
    params,
  );
  return rows.length > 0 ? 'prefix' : 'fuzzy';
}

/** Runs a read in `mode`: a typo-tolerant one with the threshold loosened for this read only; null, one without a search. */
export function inSearchMode<T>(db: Queryable, mode: SearchMode | null, read: (db: Queryable) => Promise<T>): Promise<T> {
  return mode === 'fuzzy' ? withTypoThreshold(db, read) : read(db);
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
