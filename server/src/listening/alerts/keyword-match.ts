/**
 * What a keyword alert looks for: its keyword read as a phrase of the listening query language, so
 * its words match as a query's words do — whole words, case and accents folded — and never as a
 * substring: "outage" is not in the French "routage", while "Outage!" and "outâge" are outages.
 */
import { compileQuery, parseQuery, prepareMessage, type CompiledQuery } from '../query/index.js';

export type KeywordQuery = { ok: true; query: CompiledQuery } | { ok: false; reason: string };

export function keywordQuery(keyword: string): KeywordQuery {
  // A quote is no word character: taking the keyword's own out leaves its words, and makes it one phrase.
  const parsed = parseQuery(`"${keyword.replaceAll('"', ' ')}"`);
  return parsed.ok ? { ok: true, query: compileQuery(parsed.query) } : { ok: false, reason: parsed.error.message };
}

/** Whether a message's title or text holds the keyword's words, in order. */
export function holdsKeyword(query: CompiledQuery, message: { text: string; title: string | null; network: string }): boolean {
  return query.matches(prepareMessage({ text: message.text, title: message.title ?? undefined, channel: message.network }));
}
