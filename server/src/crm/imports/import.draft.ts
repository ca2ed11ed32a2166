/**
 * The shape both readers (CSV with a mapping, vCard) turn a row into before validation: the
 * contact input the API would take, the company to find or create, and where each field came
 * from, so a rejection names the column or vCard property the user knows.
 */
import type { FieldProblem } from '../../platform/http/errors.js';
import type { ContactInput } from '../contacts/contact.schema.js';

export type DraftInput = Omit<ContactInput, 'companyId' | 'ownerId' | 'teamId'>;

export interface ContactDraft {
  /** Spreadsheet row (the CSV header is row 1), or the 1-based position of the vCard or JSON contact. */
  row: number;
  input: DraftInput;
  companyName: string | null;
  /** The company's web domain (a `companyDomain` column), lower-case ASCII: finds the company before its name does. */
  companyDomain: string | null;
  /** Input path (`emails.1`, `custom.plan`, `firstName`) → the column or property it came from. */
  sources: Record<string, string>;
  /** Problems found while reading values (a date that is no date), before schema validation. */
  problems: FieldProblem[];
  /** Notes for the contact's timeline (a vCard NOTE): contacts have no notes field. */
  notes: string[];
  /** What the row holds that the import cannot use; the contact is imported without it, and the report says so. */
  skipped: FieldProblem[];
  /**
   * The records a file names by id, as Rapport's exports write them: kept when they are this
   * workspace's (see import.service.ts). An owner or team given as null is none; one not given
   * leaves the contact the importer's, in no team. A company not found by its id is found by name.
   */
  references: { companyId?: string; ownerId?: string | null; teamId?: string | null };
}

export function newDraft(row: number): ContactDraft {
  return { row, input: {}, companyName: null, companyDomain: null, sources: {}, problems: [], notes: [], skipped: [], references: {} };
}

/** The column or property behind an input path like `emails.0.address`, or the path itself. */
export function sourceOf(draft: { sources: Record<string, string> }, path: string): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const found = draft.sources[parts.slice(0, n).join('.')];
    if (found) return found;
  }
  return path;
}

/** Appends to a list field of the input, remembering the source of the new element. */
export function pushItem<K extends 'emails' | 'phones' | 'socialHandles' | 'importantDates'>(
  draft: ContactDraft,
  key: K,
  item: NonNullable<DraftInput[K]>[number],
  source: string,
): void {
  const list = (draft.input[key] ??= []) as NonNullable<DraftInput[K]>[number][];
  draft.sources[`${key}.${list.length}`] = source;
  list.push(item);
}

/** The longest timeline entry the activities table holds. */
const MAX_NOTE = 100_000;

/** A note for the record's timeline; one too long for it is reported instead. */
export function addNote(draft: { notes: string[]; skipped: FieldProblem[] }, text: string, source: string): void {
  if (text.length > MAX_NOTE) draft.skipped.push({ field: source, reason: `is longer than ${MAX_NOTE} characters; not imported` });
  else if (text) draft.notes.push(text);
}

const MONTHS = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/;

/**
 * Reads a calendar date from the forms files use: 2024-03-01, 20240301, 2024-03-01T10:00:00Z,
 * 19950505T000000Z. Dates without a year give null: see `parseImportantDate` for those.
 */
export function parseDate(value: string): string | null {
  const match = MONTHS.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const date = `${y}-${m}-${d}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : null;
}

/**
 * The year an important date without one is stored with. A contact's dates are plain dates, and
 * reminders need only the month and day; Apple Contacts writes a birthday without a year as
 * 1604-MM-DD (`X-APPLE-OMIT-YEAR=1604`), so such dates already arrive this way. 1604 is a leap
 * year, so 29 February is kept too, and the reminders put it on the 28th in other years.
 */
export const YEARLESS_YEAR = '1604';

const YEARLESS = /^--(\d{2})-?(\d{2})$/;

/**
 * A birthday, anniversary or renewal: a calendar date, or a month and day without a year as
 * vCard writes it (4.0 `--0412`, 3.0 and ISO 8601 `--04-12`), kept in year 1604.
 */
export function parseImportantDate(value: string): string | null {
  const [, month, day] = YEARLESS.exec(value.trim()) ?? [];
  return month && day ? parseDate(`${YEARLESS_YEAR}-${month}-${day}`) : parseDate(value);
}

/**
 * Spreadsheet exports often neutralise formulas with a leading quote (as ours do); undo that. Ours
 * quote a value that starts with quotes before a formula sign once more, so one quote is taken off.
 */
export function cleanCell(value: string): string {
  const trimmed = value.trim();
  return /^'+[=+\-@]/.test(trimmed) ? trimmed.slice(1) : trimmed;
}

/**
 * A website cell as a domain: `https://www.acme.example/about` reads `acme.example` (a website's
 * `www.` is no part of the company's domain, which e-mail addresses are matched against); any other
 * text is returned as it is, for normaliseDomain to take or refuse.
 */
export function websiteHost(text: string): string {
  if (!/^https?:\/\//i.test(text)) return text;
  try {
    return new URL(text).hostname.replace(/^www\./, '');
  } catch {
    return text;
  }
}

/**
 * An address part written over several lines, as one line: a street with its building is often two
 * lines in a vCard's ADR or a CRM's "Mailing Street" column, and each part of a contact's address
 * is one line (the API refuses line breaks there), so its lines are joined with ", ". Other
 * single-line values keep their line breaks and the row is refused, as for any value the API refuses.
 */
export function addressLine(text: string): string {
  return text
    .split(/[\r\n\u0085\u2028\u2029]+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(', ');
}

/** Splits a list cell such as `vip, beta` or `a@x.org; b@y.org`. */
export function splitList(value: string): string[] {
  if (!value.includes(',') && !value.includes(';')) return [value];
  return value
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

const SOCIAL_HOSTS: Record<string, string> = {
  'twitter.com': 'x',
  'x.com': 'x',
  'linkedin.com': 'linkedin',
  'github.com': 'github',
  'facebook.com': 'facebook',
  'instagram.com': 'instagram',
  'bsky.app': 'bluesky',
  'youtube.com': 'youtube',
  'tiktok.com': 'tiktok',
  'xing.com': 'xing',
};

/** The network a profile URL belongs to, when it is one we know. */
export function networkOfUrl(url: string): string | null {
  try {
    const host = new URL(url).hostname.replace(/^www\./, '').toLowerCase();
    return SOCIAL_HOSTS[host] ?? null;
  } catch {
    return null;
  }
}

/** A social handle from a cell or vCard value that may be a profile URL or a bare handle. */
export function socialHandle(network: string, value: string): { network: string; handle: string; url?: string } {
  const text = value.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      const segments = url.pathname.split('/').filter(Boolean);
      // linkedin.com/in/<name>, facebook.com/<name>, github.com/<name>/<repo>: the person is the name.
      const skip = segments[0] === 'in' || segments[0] === 'profile' || segments[0] === 'company' ? 1 : 0;
      const handle = decodeURIComponent(segments[skip] ?? url.hostname).replace(/^@/, '');
      return { network, handle, url: text };
    } catch {
      return { network, handle: text };
    }
  }
  return { network, handle: text };
}
