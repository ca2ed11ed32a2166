/**
 * Turns a PersonRecord into the NormalisedPerson the comparators read: every field folded, junk and
 * placeholders dropped (missing), shared mailboxes excluded from e-mail evidence, phones reduced to
 * digits, handles and profile URLs to one canonical form, company names without their legal form.
 */
import { companyCore } from './company-name.js';
import { canonicalGivenName } from './nicknames.js';
import type { NormalisedPerson, PersonRecord, PostalAddress } from './person.js';
import { soundex } from './phonetic.js';
import { isPlaceholder, isPlaceholderName, isSharedMailbox, isTitle } from './placeholders.js';
import { foldText } from './text-folding.js';

/** A folded value, or null when it is missing or a placeholder. */
export function foldedValue(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const folded = foldText(raw);
  return isPlaceholder(folded) ? null : folded;
}

function companyValue(raw: string | null | undefined): string | null {
  const folded = foldedValue(raw);
  return folded === null ? null : companyCore(folded);
}

function isNameToken(token: string): boolean {
  return !isTitle(token) && !/\d/.test(token) && !isPlaceholder(token);
}

/**
 * The name's tokens without titles, digits or placeholders, joined by single spaces; null when
 * nothing is left. A string rather than a list of tokens: most names are one or two words, kept whole.
 */
function nameText(raw: string | null | undefined): string | null {
  const folded = foldedValue(raw);
  if (folded === null) return null;
  if (!folded.includes(' ')) return isNameToken(folded) ? folded : null;
  const tokens = folded.split(' ');
  const kept = tokens.filter(isNameToken);
  if (kept.length === tokens.length) return folded;
  return kept.length === 0 ? null : kept.join(' ');
}

/** Given and family name; a full name fills in what is missing (its first word the given name, the rest the family name). */
function splitNames(record: PersonRecord): { given: string | null; family: string | null } {
  let given = nameText(record.givenName);
  let family = nameText(record.familyName);
  const full = given === null || family === null ? nameText(record.fullName) : null;
  if (full !== null) {
    const space = full.indexOf(' ');
    if (given === null && space >= 0) given = full.slice(0, space);
    if (family === null) family = space >= 0 ? full.slice(space + 1) : full;
  }
  const givenName = given === null ? null : canonicalGivenName(given);
  if (givenName !== null && family !== null && isPlaceholderName(givenName, family)) return { given: null, family: null };
  return { given: givenName, family };
}

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** Canonical address: lower case, "+tag" dropped, Gmail's ignored dots removed; null if unusable or shared. */
export function canonicalEmail(raw: string): string | null {
  const trimmed = raw.normalize('NFKC').trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return null;
  const plus = trimmed.indexOf('+');
  let local = trimmed.slice(0, plus >= 0 && plus < at ? plus : at);
  let domain = trimmed.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  if (local.length === 0 || isSharedMailbox(local, domain) || isPlaceholder(foldText(local))) return null;
  // Most addresses are canonical already: the same string, not a copy.
  return local.length === at && domain.length === trimmed.length - at - 1 ? trimmed : `${local}@${domain}`;
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

function emailLocal(email: string): string {
  return email.slice(0, email.lastIndexOf('@'));
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
  return folded === null || !folded.includes(' ') ? folded : folded.replaceAll(' ', '');
}

/** Shared by every person without values, so a million people do not carry a million empty arrays. */
const NONE: readonly string[] = Object.freeze([]);

/** The distinct canonical forms of `values`, in order, without the unusable ones (null). */
function uniqueOf<T>(values: readonly T[] = [], canonical: (value: T) => string | null): readonly string[] {
  // One list, made only when a value is usable: most people have an address or two and no handle.
  let found: string[] | null = null;
  for (let index = 0; index < values.length; index++) {
    const value = canonical(values[index]!);
    if (value === null || found?.includes(value)) continue;
    (found ??= []).push(value);
  }
  return found ?? NONE;
}

const NO_ADDRESS: PostalAddress = Object.freeze({});

export function normalisePerson(record: PersonRecord): NormalisedPerson {
  const { given, family } = splitNames(record);
  const emails = uniqueOf(record.emails, canonicalEmail);
  const handles = uniqueOf(record.handles, canonicalHandle);
  const address = record.address ?? NO_ADDRESS;
  return {
    id: record.id,
    given,
    family,
    givenCode: given === null ? null : soundex(given),
    familyCode: family === null ? null : soundex(family),
    emails,
    emailLocals: uniqueOf(emails, emailLocal),
    phones: uniqueOf(record.phones, canonicalPhone),
    handles,
    handleUsers: uniqueOf(handles, handleUser),
    birthDate: canonicalBirthDate(record.birthDate),
    streetNumber: codeValue(address.streetNumber),
    street: foldedValue(address.street),
    line2: foldedValue(address.line2),
    locality: foldedValue(address.locality),
    postcode: codeValue(address.postcode),
    region: foldedValue(address.region),
    country: foldedValue(address.country),
    company: companyValue(record.company),
    nationalId: codeValue(record.nationalId),
  };
}
