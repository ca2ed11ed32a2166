/**
 * The formulas of a polite message, which the VADER lexicon rates as feelings: "please" +1.3,
 * "thanks" +1.9, "kind" of "Kind regards" +2.4. In a customer's message they are manners, not
 * satisfaction: "Thanks for the quick reply, but my order still hasn't arrived" complains.
 */

/**
 * Asking, not feeling: "Please fix the billing error" is no praise, and these count nothing, unless
 * they are the verb ("to please fans", "should please", "won't please anyone"): after "to" or an
 * auxiliary, with at most one word between that is not the asker ("could you please" asks).
 */
export const requestWords: ReadonlySet<string> = new Set(['please', 'pls', 'plz', 'kindly']);

/** Before the verb "please"; negators ("won't", "never") too. */
export const auxiliaryWords: ReadonlySet<string> = new Set([
  'to',
  'will',
  'would',
  'should',
  'could',
  'can',
  'may',
  'might',
  'must',
  'shall',
  'do',
  'does',
  'did',
]);

/** Between an auxiliary and "please", these ask: "could you please", "can we please". */
export const askerWords: ReadonlySet<string> = new Set(['you', 'we', 'ya']);

/**
 * Thanks and salutations: gratitude in a message that says nothing negative and asks nothing
 * ("Thanks, that fixed it!"); politeness around a complaint or a request ("Please refund the
 * duplicate payment, thanks in advance"). They count only in the first.
 */
export const courtesyWords: ReadonlySet<string> = new Set([
  'thanks',
  'thank',
  'thx',
  'ty',
  'tysm',
  'thnx',
  'thanx',
  'appreciate',
  'appreciated',
  'grateful',
  'thankful',
  'cheers',
  'dear',
  'sincerely',
]);

/** Sign-offs, joined into one word by the tokeniser and counting nothing: "Kind regards" is no kindness. */
export const signOffJoins: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(
  ['kind', 'kindest', 'best', 'warm', 'warmest'].map((first) => [first, new Map([['regards', `${first}_regards`]])]),
);
