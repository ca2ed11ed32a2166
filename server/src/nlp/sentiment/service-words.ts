/**
 * What customers write about a service failing, which the VADER lexicon (rated on movie reviews,
 * tweets and news) lacks: rated by us on its -4..+4 scale by analogy with a near word it has
 * (outage ≈ failure −2.3, unresponsive ≈ useless −1.8, froze ≈ stuck −1.0). Plurals and "-s" forms
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
]);

/**
 * "support", "help" and "care" also name the service itself ("customer support", "the help desk",
 * "support ticket"), and then say nothing of how the customer feels: "contacted support, no answer"
 * is not praise. They name it after these words …
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
]);

export const serviceNames: ReadonlySet<string> = new Set(['support', 'help', 'care']);
