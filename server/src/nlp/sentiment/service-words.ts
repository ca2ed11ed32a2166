/**
 * What customers write about a service failing, which the VADER lexicon (rated on movie reviews,
 * tweets and news) lacks: rated by us on its -4..+4 scale by analogy with a near word it has
 * (outage ≈ failure −2.3, unresponsive ≈ useless −1.8, froze ≈ stuck −1.0, a card declined ≈ refused
 * −1.2, canceled ≈ its British spelling cancelled −1.0). Plurals and "-s" forms
 * come from the scorer's inflections ("outages", "glitches").
 */
export const serviceValences: ReadonlyMap<string, number> = new Map([
  ['outage', -2.0],
  ['downtime', -1.8],
  ['crashed', -1.7],
  ['crashing', -1.7],
  ['bug', -1.2],
  ['glitch', -1.3],
  ['unresponsive', -1.8],
  ['unreachable', -1.3],
  ['overcharged', -2.0],
  ['scammed', -2.5],
  ['unhelpful', -1.8],
  ['slow', -1.2],
  ['slower', -1.2],
  ['froze', -1.0],
  ['timeout', -1.0],
  ['flaky', -1.5],
  ['spotty', -1.1],
  ['declined', -1.2],
  ['canceled', -1.0],
  // Two-word phrases the tokeniser joins (`serviceJoins`): waiting (≈ ignored −1.3) with no end in sight.
  ['still_waiting', -1.3],
  ['on_hold', -1.0],
]);

/** "still waiting", "on hold": joined into one word, rated above. */
export const serviceJoins: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['still', new Map([['waiting', 'still_waiting']])],
  ['on', new Map([['hold', 'on_hold']])],
]);

/**
 * What a service does for a customer, which says nothing when done ("they replied") and says the
 * service failed when negated ("never answers", "no response", "nobody replied"): counted only
 * then, as a negated "help" (+1.7 in VADER) would be.
 */
export const serviceActs: ReadonlySet<string> = new Set([
  'answer',
  'answers',
  'answered',
  'reply',
  'replies',
  'replied',
  'respond',
  'responds',
  'responded',
  'response',
  'responses',
  'callback',
]);
export const SERVICE_ACT_VALENCE = 1.7;

/**
 * What a customer expects to happen, which likewise says nothing when it does ("it arrived on
 * Tuesday", "it works") and that something failed when negated: "my order still hasn't arrived",
 * "the export doesn't work", "I haven't received the refund", "the page won't load". Counted as the
 * service acts are.
 */
export const expectedOutcomes: ReadonlySet<string> = new Set([
  'arrive',
  'arrives',
  'arrived',
  'work',
  'works',
  'worked',
  'working',
  'receive',
  'received',
  'deliver',
  'delivers',
  'delivered',
  'load',
  'loads',
  'loaded',
  'loading',
  'open',
  'opens',
  'opened',
  'ship',
  'shipped',
  'refund',
  'refunded',
  'fix',
  'fixed',
  'connect',
  'connects',
  'connected',
  'sync',
  'syncs',
  'synced',
  'log',
  'login',
]);

/**
 * "support", "help" and "care" also name the service itself ("customer support", "the help desk",
 * "support ticket", "Acme support"), and then say nothing of how the customer feels: "contacted
 * support, no answer" is not praise. They name it after a name (a word the lexicon does not know,
 * written with a capital or as an @handle) and after these words …
 */
export const serviceNameBefore: ReadonlySet<string> = new Set([
  'customer',
  'the',
  'tech',
  'technical',
  'contacted',
  'contacting',
  'called',
  'emailed',
  'messaged',
  'asked',
  'from',
  // What is asked for rather than praised: "I need help", "please help", "any help?".
  'need',
  'needs',
  'needed',
  'want',
  'wants',
  'wanted',
  'any',
  'please',
  'pls',
  'plz',
]);

/** … and before these. */
export const serviceNameAfter: ReadonlySet<string> = new Set([
  'team',
  'ticket',
  'tickets',
  'agent',
  'agents',
  'staff',
  'desk',
  'center',
  'centre',
  'chat',
  'line',
  'article',
  'articles',
  'page',
  'portal',
  'forum',
  'rep',
  'reps',
  'department',
  'request',
  'case',
  // The service as the subject of a sentence: "support never answers", "help was useless".
  'is',
  'was',
  'has',
  'never',
  'still',
  'keeps',
  'kept',
  'said',
  'told',
]);

export const serviceNames: ReadonlySet<string> = new Set(['support', 'help', 'care']);

/** Words written with a capital at a sentence's start that are no name: "We help each other" is not "Acme help". */
export const pronouns: ReadonlySet<string> = new Set([
  'we',
  'you',
  'they',
  'he',
  'she',
  'it',
  'our',
  'your',
  'their',
  'his',
  'her',
  'its',
  'my',
  'this',
  'that',
  'these',
  'those',
  'who',
  'everyone',
  'people',
]);
