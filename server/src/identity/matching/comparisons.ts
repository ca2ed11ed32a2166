/**
 * The fields compared for every candidate pair, each with its agreement levels (best first, the last
 * one is "different"), its comparator, and the prior m and u probabilities that seed the EM fit and
 * serve as the model before any fit. A comparator returns null when either side is missing, so a
 * missing value is no evidence either way.
 */
import type { NormalisedPerson } from './person.js';
import { editDistance, jaroWinkler, tokenSetSimilarity } from './similarity.js';

export type FieldName =
  | 'given'
  | 'family'
  | 'birthDate'
  | 'email'
  | 'emailName'
  | 'phone'
  | 'handle'
  | 'streetNumber'
  | 'street'
  | 'line2'
  | 'locality'
  | 'postcode'
  | 'region'
  | 'country'
  | 'company'
  | 'nationalId';

export interface FieldComparison {
  field: FieldName;
  levels: readonly string[];
  compare(a: NormalisedPerson, b: NormalisedPerson): number | null;
  /** The value whose frequency adjusts the weight of an exact agreement ("smith" counts less than "zyborski"). */
  frequencyValue?: (person: NormalisedPerson) => string | null;
  /** Names alone never link automatically: some other field must agree too. */
  isName?: boolean;
  priorM: readonly number[];
  priorU: readonly number[];
}

const NAME_LEVELS = ['exact', 'close spelling', 'similar', 'different'] as const;

/** 0 exact, 1 Jaro–Winkler ≥ 0.92, 2 JW ≥ 0.8 or same first letter as an initial, 3 different. */
function nameLevel(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 1 || b.length === 1) return a.charAt(0) === b.charAt(0) ? 2 : 3;
  const similarity = jaroWinkler(a, b);
  if (similarity >= 0.92) return 1;
  return similarity >= 0.8 ? 2 : 3;
}

/** True when given and family names agree better crosswise: the two were entered in each other's place. */
function namesSwapped(a: NormalisedPerson, b: NormalisedPerson): boolean {
  if (a.given === null || a.family === null || b.given === null || b.family === null) return false;
  if (a.given === b.given || a.family === b.family) return false;
  // Crosswise agreement at level 1 or better needs at least one exact crosswise pair.
  if (a.given !== b.family && a.family !== b.given) return false;
  const straight = nameLevel(a.given, b.given) + nameLevel(a.family, b.family);
  return straight > 2 && nameLevel(a.given, b.family) + nameLevel(a.family, b.given) <= 1;
}

/** The given and family comparators both need the answer for the same pair; it is worked out once. */
const lastSwapCheck = { a: null as NormalisedPerson | null, b: null as NormalisedPerson | null, swapped: false };

function swappedNames(a: NormalisedPerson, b: NormalisedPerson): boolean {
  if (lastSwapCheck.a !== a || lastSwapCheck.b !== b) Object.assign(lastSwapCheck, { a, b, swapped: namesSwapped(a, b) });
  return lastSwapCheck.swapped;
}

function compareNames(a: string | null, b: string | null, swappedA: string | null, swappedB: string | null, swapped: boolean) {
  if (swapped) return nameLevel(swappedA!, swappedB!);
  return a === null || b === null ? null : nameLevel(a, b);
}

/** 0 exact, 1 one edit, 2 different: for codes where a typo keeps a near-identical value. */
function codeLevel(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  if (a === b) return 0;
  return editDistance(a, b, 1) <= 1 ? 1 : 2;
}

/** 0 exact, 1 close (JW or token set ≥ 0.9), 2 similar (≥ 0.75), 3 different. */
function textLevel(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  if (a === b) return 0;
  const similarity = jaroWinkler(a, b);
  const best = similarity < 0.9 && (a.includes(' ') || b.includes(' ')) ? Math.max(similarity, tokenSetSimilarity(a, b)) : similarity;
  if (best >= 0.9) return 1;
  return best >= 0.75 ? 2 : 3;
}

function equalLevel(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  return a === b ? 0 : 1;
}

/** 0 same date, 1 one digit or a transposition or day and month swapped, 2 two of year/month/day equal, 3 different. */
function birthDateLevel(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  if (a === b) return 0;
  const [yearA, monthA, dayA] = [a.slice(0, 4), a.slice(4, 6), a.slice(6, 8)];
  const [yearB, monthB, dayB] = [b.slice(0, 4), b.slice(4, 6), b.slice(6, 8)];
  if (editDistance(a, b, 1) <= 1 || (yearA === yearB && monthA === dayB && dayA === monthB)) return 1;
  const equalParts = Number(yearA === yearB) + Number(monthA === monthB) + Number(dayA === dayB);
  return equalParts >= 2 ? 2 : 3;
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  return a.some((value) => b.includes(value));
}

function listLevel(a: readonly string[], b: readonly string[], near: (a: readonly string[], b: readonly string[]) => boolean) {
  if (a.length === 0 || b.length === 0) return null;
  if (overlaps(a, b)) return 0;
  return near(a, b) ? 1 : 2;
}

function sharedValueLevel(a: readonly string[], b: readonly string[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  return overlaps(a, b) ? 0 : 1;
}

/**
 * The spellings of a name people use as an e-mail local part: "anna.berg", "aberg", "berganna".
 * Digits are ignored ("aberg82" spells Anna Berg) unless `withDigits` asks whether the local part
 * is nothing but the name.
 */
function spellsName(local: string, person: NormalisedPerson, withDigits = false): boolean {
  if (person.given === null || person.family === null) return false;
  const compact = local.replace(withDigits ? /[^a-z0-9]/g : /[^a-z]/g, '');
  if (compact.length < 3) return false;
  const given = person.given.replaceAll(' ', '');
  const family = person.family.replaceAll(' ', '');
  return [given + family, family + given, given.charAt(0) + family, given + family.charAt(0), family + given.charAt(0)].includes(compact);
}

function hasFullName(person: NormalisedPerson): boolean {
  return person.given !== null && person.family !== null;
}

/**
 * 0 a personal local part of one spells the other's name, 1 it does not. Only asked when one side
 * lacks a full name (an identity known by its address): when both have one, the names are compared
 * already, and a local part spelled from a name would count the same evidence twice.
 */
function emailNameLevel(a: NormalisedPerson, b: NormalisedPerson): number | null {
  if (hasFullName(a) === hasFullName(b)) return null;
  const [named, unnamed] = hasFullName(a) ? [a, b] : [b, a];
  if (unnamed.emailLocals.length === 0) return null;
  return unnamed.emailLocals.some((local) => spellsName(local, named)) ? 0 : 1;
}

/**
 * 0 a shared address, 1 a shared local part at another domain ("ana.k82" at two providers), 2
 * different. A shared local part that only spells the person's name says no more than the names.
 */
function emailLevel(a: NormalisedPerson, b: NormalisedPerson): number | null {
  if (a.emails.length === 0 || b.emails.length === 0) return null;
  if (overlaps(a.emails, b.emails)) return 0;
  const telling = a.emailLocals.some(
    (local) => b.emailLocals.includes(local) && !spellsName(local, a, true) && !spellsName(local, b, true),
  );
  return telling ? 1 : 2;
}

export const COMPARISONS: readonly FieldComparison[] = [
  {
    field: 'given',
    levels: NAME_LEVELS,
    compare: (a, b) => compareNames(a.given, b.given, a.given, b.family, swappedNames(a, b)),
    frequencyValue: (person) => person.given,
    isName: true,
    priorM: [0.88, 0.06, 0.03, 0.03],
    priorU: [0.005, 0.005, 0.04, 0.95],
  },
  {
    field: 'family',
    levels: NAME_LEVELS,
    compare: (a, b) => compareNames(a.family, b.family, a.family, b.given, swappedNames(a, b)),
    frequencyValue: (person) => person.family,
    isName: true,
    priorM: [0.88, 0.06, 0.03, 0.03],
    priorU: [0.003, 0.004, 0.03, 0.963],
  },
  {
    field: 'birthDate',
    levels: ['exact', 'one typo', 'two of three parts', 'different'],
    compare: (a, b) => birthDateLevel(a.birthDate, b.birthDate),
    priorM: [0.9, 0.06, 0.02, 0.02],
    priorU: [0.0002, 0.002, 0.03, 0.9678],
  },
  {
    field: 'email',
    levels: ['same address', 'same local part', 'different'],
    compare: emailLevel,
    priorM: [0.5, 0.1, 0.4],
    priorU: [0.00001, 0.0005, 0.99949],
  },
  {
    field: 'emailName',
    levels: ['local part spells the name', 'does not'],
    compare: emailNameLevel,
    isName: true,
    priorM: [0.6, 0.4],
    priorU: [0.002, 0.998],
  },
  {
    field: 'phone',
    levels: ['same number', 'different'],
    compare: (a, b) => sharedValueLevel(a.phones, b.phones),
    priorM: [0.6, 0.4],
    priorU: [0.00001, 0.99999],
  },
  {
    field: 'handle',
    levels: ['same handle', 'same user name elsewhere', 'different'],
    compare: (a, b) => listLevel(a.handles, b.handles, () => overlaps(a.handleUsers, b.handleUsers)),
    priorM: [0.4, 0.2, 0.4],
    priorU: [0.00001, 0.001, 0.99899],
  },
  {
    field: 'streetNumber',
    levels: ['exact', 'one typo', 'different'],
    compare: (a, b) => codeLevel(a.streetNumber, b.streetNumber),
    priorM: [0.9, 0.05, 0.05],
    priorU: [0.01, 0.05, 0.94],
  },
  {
    field: 'street',
    levels: ['exact', 'close spelling', 'similar', 'different'],
    compare: (a, b) => textLevel(a.street, b.street),
    frequencyValue: (person) => person.street,
    priorM: [0.85, 0.08, 0.03, 0.04],
    priorU: [0.001, 0.004, 0.02, 0.975],
  },
  {
    field: 'line2',
    levels: ['exact', 'close spelling', 'similar', 'different'],
    compare: (a, b) => textLevel(a.line2, b.line2),
    priorM: [0.85, 0.08, 0.03, 0.04],
    priorU: [0.002, 0.004, 0.02, 0.974],
  },
  {
    field: 'locality',
    levels: ['exact', 'close spelling', 'similar', 'different'],
    compare: (a, b) => textLevel(a.locality, b.locality),
    frequencyValue: (person) => person.locality,
    priorM: [0.88, 0.06, 0.03, 0.03],
    priorU: [0.005, 0.005, 0.02, 0.97],
  },
  {
    field: 'postcode',
    levels: ['exact', 'one typo', 'different'],
    compare: (a, b) => codeLevel(a.postcode, b.postcode),
    frequencyValue: (person) => person.postcode,
    priorM: [0.9, 0.06, 0.04],
    priorU: [0.001, 0.01, 0.989],
  },
  {
    field: 'region',
    levels: ['same', 'different'],
    compare: (a, b) => equalLevel(a.region, b.region),
    priorM: [0.95, 0.05],
    priorU: [0.2, 0.8],
  },
  {
    field: 'country',
    levels: ['same', 'different'],
    compare: (a, b) => equalLevel(a.country, b.country),
    priorM: [0.97, 0.03],
    priorU: [0.3, 0.7],
  },
  {
    field: 'company',
    levels: ['same', 'similar', 'different'],
    compare: (a, b) => {
      if (a.company === null || b.company === null) return null;
      const similarity = a.company === b.company ? 1 : tokenSetSimilarity(a.company, b.company);
      return similarity >= 0.9 ? 0 : similarity >= 0.7 ? 1 : 2;
    },
    priorM: [0.7, 0.1, 0.2],
    priorU: [0.01, 0.02, 0.97],
  },
  {
    field: 'nationalId',
    levels: ['exact', 'one typo', 'different'],
    compare: (a, b) => codeLevel(a.nationalId, b.nationalId),
    priorM: [0.9, 0.05, 0.05],
    priorU: [0.00001, 0.0001, 0.99989],
  },
];

/** Marks a field that is missing on either side in a comparison vector. */
export const MISSING = 255;

/** The agreement level of every field for one pair, MISSING where there is no evidence. */
export function comparePeople(a: NormalisedPerson, b: NormalisedPerson, into = new Uint8Array(COMPARISONS.length)): Uint8Array {
  for (let index = 0; index < COMPARISONS.length; index++) into[index] = COMPARISONS[index]!.compare(a, b) ?? MISSING;
  return into;
}
