/**
 * Turns a PersonRecord into the NormalisedPerson the comparators read: every field folded, junk and
 * placeholders dropped (missing), shared mailboxes excluded from e-mail evidence, phones reduced to
 * digits, handles and profile URLs to one canonical form.
 */
import { canonicalGivenName } from './nicknames.js';
import type { NormalisedPerson, PersonRecord } from './person.js';
import { soundex } from './phonetic.js';
import { isPlaceholder, isSharedMailbox, isTitle } from './placeholders.js';
import { foldText } from './text-folding.js';

/** A folded value, or null when it is missing or a placeholder. */
export function foldedValue(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const folded = foldText(raw);
  return isPlaceholder(folded) ? null : folded;
}

/** Name tokens without titles, digits or placeholders; a name that is only junk gives none. */
function nameTokens(raw: string | null | undefined): string[] {
  const folded = foldedValue(raw);
  if (folded === null) return [];
  return folded.split(' ').filter((token) => !isTitle(token) && !/\d/.test(token) && !isPlaceholder(token));
}

function splitNames(record: PersonRecord): { given: string | null; family: string | null } {
  const given = nameTokens(record.givenName);
  const family = nameTokens(record.familyName);
  const full = given.length === 0 || family.length === 0 ? nameTokens(record.fullName) : [];
  if (given.length === 0 && full.length > 1) given.push(full[0]!);
  if (family.length === 0 && full.length > 0) family.push(...full.slice(full.length > 1 ? 1 : 0));
  if (given.length === 0 && family.length === 0 && full.length === 1) family.push(full[0]!);
  const givenName = given.length > 0 ? canonicalGivenName(given.join(' ')) : null;
  const familyName = family.length > 0 ? family.join(' ') : null;
  if (givenName !== null && familyName !== null && isPlaceholder(`${givenName} ${familyName}`)) return { given: null, family: null };
  return { given: givenName, family: familyName };
}

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** Canonical address: lower case, "+tag" dropped, Gmail's ignored dots removed; null if unusable or shared. */
export function canonicalEmail(raw: string): string | null {
  const trimmed = raw.normalize('NFKC').trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return null;
  let local = trimmed.slice(0, at).split('+')[0]!;
  let domain = trimmed.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  if (local.length === 0 || isSharedMailbox(local, domain) || isPlaceholder(foldText(local))) return null;
  return `${local}@${domain}`;
}

/** The last nine digits, so "+44 20 7946 0018" and "020 7946 0018" agree; null for junk numbers. */
export function canonicalPhone(raw: string): string | null {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 7 || /^(\d)\1+$/.test(digits) || '01234567890'.includes(digits) || '9876543210'.includes(digits)) return null;
  return digits.slice(-9);
}

/** `host/user` for a profile URL or a fediverse handle, `user` for a bare handle; lower case, no "@". */
export function canonicalHandle(raw: string): string | null {
  let value = raw.normalize('NFKC').trim().toLowerCase();
  value = value
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/s, '')
    .replace(/\/+$/, '');
  const fediverse = /^@?([^@/\s]+)@([^@/\s]+)$/.exec(value);
  if (fediverse) value = `${fediverse[2]}/${fediverse[1]}`;
  value = value.replace(/\/@/, '/').replace(/^@/, '');
  if (value.length === 0 || isPlaceholder(foldText(value))) return null;
  return value;
}

function handleUser(handle: string): string {
  return handle.slice(handle.lastIndexOf('/') + 1);
}

/** `YYYYMMDD`, or null for a malformed date or a placeholder such as 1900-01-01. */
export function canonicalBirthDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const digits = raw.replace(/[-/.\s]/g, '');
  if (!/^\d{8}$/.test(digits) || digits === '00000000' || digits === '19000101' || digits === '19700101') return null;
  return digits;
}

/** A code-like value (postcode, street number, id): folded, spaces removed. */
function codeValue(raw: string | null | undefined): string | null {
  const folded = foldedValue(raw);
  return folded === null ? null : folded.replaceAll(' ', '');
}

/** Shared by every person without values, so a million people do not carry a million empty arrays. */
const NONE: readonly string[] = Object.freeze([]);

function unique(values: readonly (string | null)[]): readonly string[] {
  const present = values.filter((value): value is string => value !== null);
  return present.length === 0 ? NONE : [...new Set(present)];
}

export function normalisePerson(record: PersonRecord): NormalisedPerson {
  const { given, family } = splitNames(record);
  const emails = unique((record.emails ?? []).map(canonicalEmail));
  const handles = unique((record.handles ?? []).map(canonicalHandle));
  const address = record.address ?? {};
  return {
    id: record.id,
    given,
    family,
    givenCode: given === null ? null : soundex(given),
    familyCode: family === null ? null : soundex(family),
    emails,
    emailLocals: unique(emails.map((email) => email.slice(0, email.lastIndexOf('@')))),
    phones: unique((record.phones ?? []).map(canonicalPhone)),
    handles,
    handleUsers: unique(handles.map(handleUser)),
    birthDate: canonicalBirthDate(record.birthDate),
    streetNumber: codeValue(address.streetNumber),
    street: foldedValue(address.street),
    line2: foldedValue(address.line2),
    locality: foldedValue(address.locality),
    postcode: codeValue(address.postcode),
    region: foldedValue(address.region),
    country: foldedValue(address.country),
    company: foldedValue(record.company),
    nationalId: codeValue(record.nationalId),
  };
}
