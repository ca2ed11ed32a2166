/**
 * Test and eval fixture: a CRM's worth of different people and no duplicates — names drawn with
 * their real skew (a few given and family names are very common), each with an e-mail address of
 * their own, a phone, company or city for some, and a crowd of namesakes ("John Smith" five
 * times) that share nothing but the name. Whatever the engine queues here is a false positive.
 * Reproducible from a seed.
 */
import { seededRandom } from '../random-pairs.js';
import type { PersonRecord } from '../person.js';

type Random = () => number;

/** Given names with their share in per mille of people (English-speaking data), then a flat tail. */
// prettier-ignore
const COMMON_GIVEN: Readonly<Record<string, number>> = {
  james: 16, john: 16, robert: 15, michael: 13, mary: 13, william: 12, david: 12, richard: 8, charles: 8, joseph: 7,
  thomas: 7, patricia: 5, linda: 5, barbara: 5, elizabeth: 5, jennifer: 5, maria: 4, susan: 4, margaret: 4, sarah: 4,
};
const TAIL_GIVEN = `
  aaron adam adrian agnes aidan alan albert alice alison amanda amber amelia amy andrea angela anita ann anthony arthur
  audrey austin barry beatrice benjamin bernard beth beverly bradley brandon brenda brian bruce caroline carl carmen
  carol catherine chloe christine claire colin connor craig cynthia daisy dale dana daniel deborah denise dennis derek
  diana diane donald donna doris dorothy douglas dylan edith edward eileen elaine eleanor ellen emily emma eric ethan
  eugene evelyn fiona florence frances frank freya gail gary gavin george gerald gloria gordon grace graham gregory
  hannah harold harry hazel heather helen henry holly howard ian irene isaac isabel jack jacob jade janet janice jason
  jean jeffrey jeremy jessica jill joan joanne jonathan joshua joyce judith julia julie justin karen kathleen keith
  kelly kenneth kevin kyle laura lauren lawrence leah leonard leslie lewis lillian lisa lois louise lucy luke lynn
  marcus marie marilyn mark martha martin matthew megan melissa mildred molly monica nancy natalie nathan neil nicholas
  nicole noah norman olivia oliver pamela paul pauline peter philip phyllis rachel ralph raymond rebecca rhys rita roger
  ronald rose ruby russell ruth ryan samuel sandra scott sean shirley simon sophie stanley stephanie stephen steven
  stuart sylvia teresa theresa timothy tina todd tracy trevor valerie vera victor victoria vincent wanda wayne
  wendy yvonne zachary zoe`;

/** Family names with their share in per mille, then a tail made of syllables: most people's name is rare. */
// prettier-ignore
const COMMON_FAMILY: Readonly<Record<string, number>> = {
  smith: 8, johnson: 7, williams: 6, brown: 5, jones: 5, garcia: 4, miller: 4, davis: 4, rodriguez: 4, martinez: 4,
  hernandez: 3, lopez: 3, gonzalez: 3, wilson: 3, anderson: 3, thomas: 3, taylor: 3, moore: 2, jackson: 2, martin: 2,
  lee: 2, perez: 2, thompson: 2, white: 2, harris: 2, clark: 2, lewis: 2, robinson: 2, walker: 2, young: 2,
};
const SYLLABLES = 'al bar ber cas dal den fen gar hal har kin lan ler mar mer nor ols per ran ros sel ston tal ter ven wal win'.split(' ');
const ENDINGS = ['', 'son', 'ton', 'ley', 'man', 'er', 'ford', 'wood', 'berg', 'ski', 'ez', 'ini'];

const COMPANIES = Array.from(
  { length: 150 },
  (_, index) => `${SYLLABLES[index % SYLLABLES.length]}${ENDINGS[index % ENDINGS.length]} ${['ltd', 'gmbh', 'inc', 'ab'][index % 4]}`,
);
const CITIES = 'leeds york bristol cardiff glasgow boston denver austin dublin cork perth adelaide hobart toronto ottawa'.split(' ');
const DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'icloud.com', 'web.de', 'fastmail.com'];

/** The namesakes every generated workspace holds, each name this many times: different people all. */
const NAMESAKES: readonly [string, string, number][] = [
  ['john', 'smith', 5],
  ['mary', 'johnson', 3],
  ['james', 'williams', 3],
  ['maria', 'garcia', 3],
  ['michael', 'brown', 2],
  ['david', 'jones', 2],
];

/** Draws from common values by their share, the rest of the time uniformly from the tail. */
function skewedPicker(common: Readonly<Record<string, number>>, tail: readonly string[]): (random: Random) => string {
  const entries = Object.entries(common);
  const commonShare = entries.reduce((sum, [, perMille]) => sum + perMille, 0) / 1000;
  return (random) => {
    let target = random();
    if (target >= commonShare) return tail[Math.floor(random() * tail.length)]!;
    for (const [value, perMille] of entries) if ((target -= perMille / 1000) < 0) return value;
    return entries[0]![0];
  };
}

const pickGiven = skewedPicker(COMMON_GIVEN, TAIL_GIVEN.trim().split(/\s+/));
const pickFamily = skewedPicker(
  COMMON_FAMILY,
  SYLLABLES.flatMap((first) => SYLLABLES.flatMap((second) => ENDINGS.map((ending) => `${first}${second}${ending}`))),
);

const capital = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function person(random: Random, index: number, given: string, family: string, detailed: boolean): PersonRecord {
  const name = { id: `person-${index}`, givenName: capital(given), familyName: capital(family) };
  if (!detailed) return name;
  const digits = String(Math.floor(random() * 1e8)).padStart(8, '0');
  // The index makes every address unique; the name in it is how most people choose their local part.
  const local = random() < 0.5 ? `${given}.${family}${index}` : `${given.charAt(0)}${family}.${index}`;
  return {
    ...name,
    emails: [`${local}@${DOMAINS[Math.floor(random() * DOMAINS.length)]!}`],
    phones: random() < 0.5 ? [`+44 7${digits.slice(0, 3)} ${digits.slice(3)}`] : [],
    company: random() < 0.5 ? COMPANIES[Math.floor(random() * COMPANIES.length)]! : null,
    address: random() < 0.4 ? { locality: capital(CITIES[Math.floor(random() * CITIES.length)]!) } : null,
  };
}

/**
 * `count` different people (namesakes included), none a duplicate of another; `detailed` is the
 * share of them with contact details, the others known by name only (a list of attendees, cards).
 */
export function distinctPeople(count: number, detailed = 1, seed = 1): PersonRecord[] {
  const random = seededRandom(seed);
  const names = NAMESAKES.flatMap(([given, family, times]) => Array.from({ length: times }, () => [given, family] as const));
  const people: PersonRecord[] = [];
  for (let index = 0; index < count; index++) {
    const [given, family] = names[index] ?? [pickGiven(random), pickFamily(random)];
    people.push(person(random, index, given, family, random() < detailed));
  }
  return people;
}
