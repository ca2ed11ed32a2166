/**
 * Realistic synthetic people for the identity benchmark, FEBRL-like: names drawn with a skewed
 * (Zipf) frequency so a few are very common ("john", "smith"), addresses, birth dates, e-mails and
 * phones, and duplicates carrying the errors real data has — typos, nicknames, swapped names,
 * missing values, another e-mail address. Reproducible from a seed.
 */
import type { PersonRecord } from '../../server/src/identity/matching/index.js';

function list(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

const GIVEN = list(`
john, james, mary, robert, michael, william, david, jennifer, linda, elizabeth, richard, joseph, thomas, susan, sarah,
charles, jessica, karen, daniel, matthew, anthony, nancy, lisa, mark, betty, paul, steven, andrew, emily, joshua, kevin,
brian, george, timothy, ronald, jason, edward, jeffrey, ryan, jacob, gary, nicholas, eric, jonathan, stephen, larry,
justin, scott, brandon, benjamin, samuel, gregory, frank, alexander, raymond, patrick, jack, dennis, jerry, tyler, aaron,
olivia, emma, ava, sophia, isabella, mia, charlotte, amelia, harper, evelyn, abigail, ella, scarlett, grace, chloe, lily,
anna, lukas, sofia, mateo, noah, liam, elias, léa, hugo, chloé, louis, inès, jules, björn, søren, astrid, ingrid, josé,
maría, lucía, javier, joão, giulia, francesco, łukasz, zofia, piotr, tomáš, dmitri, olga, ivan, yuki, haruto, wei, priya,
arjun, fatima, omar, aisha, yusuf, kwame, chidi, ngozi, thabo, seán, niamh, aoife, eoin, kayla, lachlan, deakin, jayden
`);

const FAMILY = list(`
smith, johnson, williams, brown, jones, garcia, miller, davis, rodriguez, martinez, hernandez, lopez, gonzalez, wilson,
anderson, thomas, taylor, moore, jackson, martin, lee, perez, thompson, white, harris, sanchez, clark, ramirez, lewis,
robinson, walker, young, allen, king, wright, scott, torres, nguyen, hill, flores, green, adams, nelson, baker, hall,
rivera, campbell, mitchell, carter, roberts, müller, schmidt, schneider, fischer, weber, meyer, wagner, becker, schulz,
hoffmann, dubois, durand, leroy, moreau, lefèvre, rossi, russo, ferrari, esposito, bianchi, nowak, kowalski, wiśniewski,
novák, svoboda, dvořák, jensen, nielsen, hansen, johansson, andersson, ivanov, smirnov, kuznetsov, popov, sato, suzuki,
takahashi, tanaka, wang, li, zhang, liu, chen, sharma, patel, singh, kumar, khan, ali, hassan, okafor, mensah, nkosi,
o'brien, o'connor, macdonald, mccarthy, murphy, kelly, byrne, van der berg, de vries, van dijk, bakker, janssen, visser,
waller, berry, sondergeld, harrington, zyborski, featherstone, blackwood, castellano, delacroix, fairweather, greenhalgh,
hollingsworth, kaczmarek, lindqvist, montgomery, oyelaran, pemberton, quartermaine, rothschild, sabatini, thistlewood
`);

const STREET_WORDS = list(`
tullaroop, giblin, goldfinch, maltby, kings, harbour, mill, church, station, park, bridge, castle, garden, forest, meadow,
wattle, banksia, acacia, jacaranda, waratah, eucalypt, river, ocean, hill, valley, summit, orchard, willow, cedar, maple,
elm, oak, birch, pine, laurel, rosewood, ironbark, kurrajong, boronia, grevillea, hakea, melaleuca, casuarina, bottlebrush
`);
const STREET_KINDS = list('street, road, avenue, circuit, place, crescent, drive, lane, court, parade');
const LOCALITIES = list(`
st james, bittern, canterbury, coolaroo, willaroo, killarney, kooltuo, coaling, richmond, fitzroy, carlton, brunswick,
paddington, glebe, newtown, manly, bondi, toorak, kew, hawthorn, camberwell, balwyn, doncaster, box hill, ringwood,
frankston, geelong, ballarat, bendigo, mildura, wodonga, albury, wagga wagga, orange, dubbo, tamworth, armidale, lismore
`);
const STATES = list('nsw, vic, qld, wa, sa, tas, act, nt');
const DOMAINS = list('gmail.com, outlook.com, yahoo.com, proton.me, acme.io, globex.net, initech.co, hooli.com, mail.ru, web.de');
const NICKNAMES: Record<string, string> = {
  robert: 'bob',
  william: 'bill',
  james: 'jim',
  michael: 'mike',
  elizabeth: 'liz',
  thomas: 'tom',
};
const SHARED_MAILBOXES = list('info, support, contact, sales, office');

export type Random = () => number;

/** Mulberry32: small, fast and reproducible. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks from a list with Zipf-like weights 1/(rank+10): the first entries are very common (about
 * 4 % of people share the first given name, as "john" or "smith" do in English-speaking data).
 */
function zipfPicker(values: readonly string[]): (random: Random) => string {
  const cumulative: number[] = [];
  let total = 0;
  values.forEach((_, rank) => cumulative.push((total += 1 / (rank + 10))));
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return values[low]!;
  };
}

const pickGiven = zipfPicker(GIVEN);
const pickFamily = zipfPicker(FAMILY);

export function pick<T>(random: Random, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let index = 0; index < count; index++) out += Math.floor(random() * 10);
  return out;
}

/** One keyboard-style error: insert, delete, substitute or swap two neighbouring letters. */
function typo(random: Random, value: string): string {
  if (value.length < 2) return value;
  const at = Math.floor(random() * (value.length - 1));
  const letter = String.fromCharCode(97 + Math.floor(random() * 26));
  switch (Math.floor(random() * 4)) {
    case 0:
      return value.slice(0, at) + letter + value.slice(at);
    case 1:
      return value.slice(0, at) + value.slice(at + 1);
    case 2:
      return value.slice(0, at) + letter + value.slice(at + 1);
    default:
      return value.slice(0, at) + value.charAt(at + 1) + value.charAt(at) + value.slice(at + 2);
  }
}

export function originalPerson(random: Random, id: string): PersonRecord {
  const givenName = pickGiven(random);
  const familyName = pickFamily(random);
  const year = 1930 + Math.floor(random() * 75);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const roll = random();
  const local =
    roll < 0.05
      ? pick(random, SHARED_MAILBOXES)
      : roll < 0.6
        ? `${givenName}.${familyName}`
        : `${givenName.charAt(0)}${familyName}${digits(random, 2)}`;
  return {
    id,
    givenName,
    familyName,
    birthDate: random() < 0.85 ? `${year}${month}${day}` : null,
    emails: random() < 0.7 ? [`${local.replace(/[^\p{L}.\d]/gu, '')}@${pick(random, DOMAINS)}`] : [],
    phones: random() < 0.5 ? [`04${digits(random, 8)}`] : [],
    address: {
      streetNumber: random() < 0.9 ? String(1 + Math.floor(random() * 300)) : null,
      street: `${pick(random, STREET_WORDS)} ${pick(random, STREET_KINDS)}`,
      locality: pick(random, LOCALITIES),
      postcode: String(2000 + Math.floor(random() * 6000)).padStart(4, '0'),
      region: pick(random, STATES),
    },
  };
}

/** A duplicate of `person` with one to three errors of the kinds FEBRL introduces. */
export function duplicateOf(random: Random, person: PersonRecord, id: string): PersonRecord {
  const copy: PersonRecord = { ...person, id, address: { ...person.address } };
  const errors = 1 + Math.floor(random() * 3);
  for (let error = 0; error < errors; error++) {
    const address = copy.address!;
    switch (Math.floor(random() * 9)) {
      case 0:
        copy.givenName = typo(random, copy.givenName ?? '');
        break;
      case 1:
        copy.familyName = typo(random, copy.familyName ?? '');
        break;
      case 2:
        copy.givenName = NICKNAMES[copy.givenName ?? ''] ?? null;
        break;
      case 3:
        [copy.givenName, copy.familyName] = [copy.familyName, copy.givenName];
        break;
      case 4:
        copy.birthDate = copy.birthDate ? typo(random, copy.birthDate).padEnd(8, '1').slice(0, 8) : null;
        break;
      case 5:
        address.street = typo(random, address.street ?? '');
        break;
      case 6:
        address.postcode = random() < 0.5 ? null : typo(random, address.postcode ?? '');
        break;
      case 7:
        copy.emails = random() < 0.5 ? [] : [`${(copy.givenName ?? 'x').charAt(0)}${copy.familyName ?? ''}@${pick(random, DOMAINS)}`];
        break;
      default:
        address.streetNumber = null;
        copy.phones = [];
    }
  }
  return copy;
}

export interface SyntheticPerson {
  person: PersonRecord;
  /** The id of the original this person is a duplicate of (its own id for an original). */
  entity: string;
}

/** People kept to draw duplicates from: recent ones, so memory stays flat however many are generated. */
const RESERVOIR = 10_000;

/**
 * `count` people, of whom about `duplicateShare` are duplicates of an earlier one, generated one
 * at a time so that a million of them need not be held at once.
 */
export function* syntheticPeople(count: number, duplicateShare: number, seed: number, prefix = 'p'): Generator<SyntheticPerson> {
  const random = seededRandom(seed);
  const earlier: SyntheticPerson[] = [];
  for (let index = 0; index < count; index++) {
    const id = `${prefix}${index}`;
    let generated: SyntheticPerson;
    if (earlier.length > 0 && random() < duplicateShare) {
      const original = earlier[Math.floor(random() * earlier.length)]!;
      generated = { person: duplicateOf(random, original.person, id), entity: original.entity };
    } else {
      generated = { person: originalPerson(random, id), entity: id };
    }
    if (earlier.length < RESERVOIR) earlier.push(generated);
    else earlier[Math.floor(random() * RESERVOIR)] = generated;
    yield generated;
  }
}
