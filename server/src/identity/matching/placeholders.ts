/**
 * Values that look like data but say nothing about who someone is: placeholders typed into forms
 * ("N/A", "test", "unknown"), titles on their own, and shared mailboxes (info@, support@) that many
 * people read. The normaliser turns them into "missing", so they can neither link nor separate.
 */

// prettier-ignore
const PLACEHOLDERS = new Set([
  'n a', 'na', 'none', 'null', 'nil', 'void', 'unknown', 'unk', 'test', 'testing', 'tester', 'xxx', 'xx', 'x', 'asdf',
  'qwerty', 'foo', 'bar', 'foobar', 'anonymous', 'anon', 'noname', 'no name', 'name', 'user', 'customer', 'client',
  'guest', 'admin', 'sample', 'dummy', 'fake', 'undefined', 'nobody', 'someone', 'not available', 'not applicable',
  'not known', 'tbd', 'tba', 'missing', 'blank', 'empty', 'default', 'no', 'yes', 'abc', 'firstname', 'lastname',
  'first name', 'last name', 'surname', 'your name', 'john doe', 'jane doe',
]);

// prettier-ignore
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'herr', 'frau', 'mme', 'mlle']);

// prettier-ignore
const SHARED_MAILBOXES = new Set([
  'info', 'information', 'support', 'help', 'helpdesk', 'contact', 'contacts', 'hello', 'hi', 'admin', 'administrator',
  'sales', 'office', 'team', 'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'billing', 'accounts', 'accounting',
  'enquiries', 'inquiries', 'marketing', 'webmaster', 'postmaster', 'hostmaster', 'abuse', 'mail', 'email', 'service',
  'services', 'customerservice', 'customer.service', 'jobs', 'careers', 'hr', 'press', 'media', 'newsletter', 'news',
  'orders', 'shop', 'store', 'reception', 'general', 'feedback', 'privacy', 'security', 'legal', 'finance', 'invoices',
  'test', 'example', 'user', 'root', 'nobody', 'notifications', 'bounce', 'bounces', 'mailer-daemon',
]);

/**
 * Domains typed to fill a form: an address there belongs to nobody. The documentation domains of
 * RFC 2606 (example.com, .org, .net) are not among them: no real customer writes from there, but
 * demo data, imports from trials and test workspaces use them as people's addresses, and a shared
 * maria.rossi@example.com is as good a sign of one person there as anywhere. Generic local parts
 * ("test@", "none@", "noreply@") stay placeholders on every domain, through the mailbox and word lists.
 */
const PLACEHOLDER_DOMAINS = new Set(['test.com', 'test.test', 'localhost', 'invalid']);

const SPACE = 32;
/** What a regular expression's "." does not match. */
const LINE_TERMINATORS = new Set([0x0a, 0x0d, 0x2028, 0x2029]);

/** At least two characters, spaces aside, all the same ("aaaa", "x x x"): read in place, it is asked of every value normalised. */
function isOneCharacterRepeated(folded: string): boolean {
  let char = -1;
  let count = 0;
  for (let index = 0; index < folded.length; index++) {
    const code = folded.charCodeAt(index);
    if (code === SPACE) continue;
    if (char === -1) char = code;
    else if (code !== char) return false;
    count++;
  }
  return count > 1 && !LINE_TERMINATORS.has(char);
}

/** True for a folded value that is a placeholder or carries no information (empty, "aaaa", "----"). */
export function isPlaceholder(folded: string): boolean {
  return folded.length === 0 || PLACEHOLDERS.has(folded) || isOneCharacterRepeated(folded);
}

/** The placeholders with a space, by what comes before each of their spaces: "john doe" is john → {doe}. */
const PLACEHOLDER_NAMES = new Map<string, Set<string>>();
for (const placeholder of PLACEHOLDERS) {
  for (let space = placeholder.indexOf(' '); space >= 0; space = placeholder.indexOf(' ', space + 1)) {
    const first = placeholder.slice(0, space);
    PLACEHOLDER_NAMES.set(first, (PLACEHOLDER_NAMES.get(first) ?? new Set()).add(placeholder.slice(space + 1)));
  }
}

/**
 * `isPlaceholder` of "given family" for two folded names (non-empty, no leading space), without
 * joining them for every person normalised: "john doe", "xx xx".
 */
export function isPlaceholderName(given: string, family: string): boolean {
  if (PLACEHOLDER_NAMES.get(given)?.has(family)) return true;
  // One character throughout is the only other way; it starts both names with the same letter.
  return given.charAt(0) === family.charAt(0) && isPlaceholder(`${given} ${family}`);
}

export function isTitle(foldedToken: string): boolean {
  return TITLES.has(foldedToken);
}

/** True when an address's local part is a role or shared mailbox, or its domain is a placeholder. */
export function isSharedMailbox(localPart: string, domain: string): boolean {
  const bare = localPart.replace(/\d+$/, '');
  return SHARED_MAILBOXES.has(localPart) || SHARED_MAILBOXES.has(bare) || PLACEHOLDER_DOMAINS.has(domain) || domain.endsWith('.invalid');
}
