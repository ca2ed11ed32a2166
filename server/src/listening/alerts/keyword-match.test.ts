import { describe, expect, it } from 'vitest';
import { holdsKeyword, keywordQuery } from './keyword-match.js';

const holds = (keyword: string, text: string, title: string | null = null) => {
  const query = keywordQuery(keyword);
  if (!query.ok) throw new Error(query.reason);
  return holdsKeyword(query.query, { text, title, network: 'mastodon' });
};

describe('keyword alerts match words', () => {
  it('as the query language does: whole words, folded case and accents, phrases in order', () => {
    expect(holds('outage', 'Le routage des paquets est lent')).toBe(false);
    expect(holds('outage', 'Another OUTAGE, third this week!')).toBe(true);
    expect(holds('outage', 'une outâge ce matin')).toBe(true);
    expect(holds('outage', 'nothing here', 'Outage report')).toBe(true);
    expect(holds('product recall', 'the recall of the product')).toBe(false);
    expect(holds('product recall', 'Acme announces a product recall')).toBe(true);
    expect(holds('"recall"', 'a recall')).toBe(true);
  });

  it('refuses a keyword with nothing to search for', () => {
    const query = keywordQuery('!!!');
    expect(query.ok).toBe(false);
    expect(query.ok ? '' : query.reason).toMatch(/no letters or digits/);
  });
});
