/**
 * Realistic, varied and reproducible contacts: names from several languages (with accents), work
 * e-mails, phone numbers in several national formats, titles, stages and tags with skewed
 * frequencies. The e-mail carries the sequence number, so every generated contact is unique.
 */

/** A comma-separated list (names may contain spaces, hyphens and apostrophes). */
function list(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

const FIRST_NAMES = list(`
Anna, Lukas, Sofia, Mateo, Emma, Noah, Olivia, Liam, Mia, Elias, Léa, Hugo, Chloé, Louis, Inès, Jules, Zoë, Björn,
Søren, Astrid, Ingrid, Freja, Mikkel, José, María, Lucía, Javier, Álvaro, Carmen, João, Beatriz, Gonçalo, Giulia,
Francesco, Chiara, Matteo, Alessia, Łukasz, Zofia, Piotr, Agnieszka, Jan, Eva, Tomáš, Kateřina, Dmitri, Olga, Ivan,
Yuki, Haruto, Sakura, Wei, Mei, Jun, Priya, Arjun, Ananya, Rohan, Fatima, Omar, Aisha, Yusuf, Leila, Karim, Amara,
Kwame, Chidi, Ngozi, Thabo, Zanele, James, Mary, Robert, Patricia, Michael, Jennifer, David, Linda, William, Elizabeth,
Richard, Barbara, Thomas, Susan, Charles, Jessica, Daniel, Sarah, Matthew, Karen, Anthony, Nancy, Mark, Lisa, Paul,
Sandra, Steven, Ashley, Andrew, Emily, Joshua, Michelle, Kevin, Amanda, Brian, Melissa, George, Stephanie, Timothy,
Rebecca, Jason, Laura, Ryan, Nicole, Jacob, Helen, Gary, Anna-Lena, Jean-Luc, Marie-Claire, Seán, Siobhán, Niamh,
Ciarán, Aoife, Eoin, Finn, Maja, Leon, Ben, Paul, Felix, Hannah
`);

const LAST_NAMES = list(`
Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch, Bauer, Richter,
Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand,
Leroy, Moreau, Simon, Laurent, Lefèvre, Michel, García, Fernández, González, Rodríguez, López, Martínez, Sánchez,
Pérez, Gómez, Jiménez, Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rossi, Russo, Ferrari, Esposito, Bianchi,
Romano, Colombo, Ricci, Marino, Greco, Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Novák, Svoboda, Dvořák, Černý,
Jensen, Nielsen, Hansen, Pedersen, Andersen, Larsen, Johansson, Andersson, Karlsson, Nilsson, Eriksson, Ivanov,
Smirnov, Kuznetsov, Popov, Sato, Suzuki, Takahashi, Tanaka, Watanabe, Wang, Li, Zhang, Liu, Chen, Yang, Huang, Sharma,
Patel, Singh, Kumar, Gupta, Khan, Ali, Hassan, Haddad, Nasser, Okafor, Mensah, Nkosi, Dlamini, Smith, Johnson,
Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Moore, Jackson, White, Harris, Clark, Lewis, Walker,
Hall, Allen, Young, King, Wright, Scott, Green, Baker, Adams, Nelson, Carter, Mitchell, Roberts, O'Brien, O'Connor,
MacDonald, McCarthy, Murphy, Kelly, Byrne, van der Berg, de Vries, van Dijk, Bakker, Janssen, Visser, Smit, de Jong,
Meijer, Mulder
`);

const DOMAINS = list(`
example.com, acme.io, globex.net, initech.co, umbrella.org, hooli.com, stark-industries.com, wayne.co, gmail.com,
outlook.com, posteo.de, proton.me, orange.fr, web.de, yahoo.co.jp, mail.ru
`);

const TITLES = list(`
CEO, CTO, Head of Marketing, Sales Manager, Account Executive, Software Engineer, Product Manager, Customer Success Lead,
Procurement Officer, Office Manager, Founder, Designer, Data Analyst, Operations Director
`);

/** Lifecycle stages with weights: customers are about a fifth of a contact base. */
const STAGES: [string, number][] = [
  ['subscriber', 15],
  ['lead', 25],
  ['qualified', 10],
  ['opportunity', 8],
  ['customer', 20],
  ['advocate', 5],
  ['churned', 7],
  ['other', 10],
];

/** Tags with the share of contacts carrying each. */
export const TAGS: [string, number][] = [
  ['newsletter', 0.35],
  ['webinar-2024', 0.15],
  ['trade-fair', 0.12],
  ['partner', 0.08],
  ['vip', 0.05],
  ['beta-tester', 0.1],
  ['referral', 0.07],
  ['churn-risk', 0.04],
  ['enterprise', 0.06],
  ['smb', 0.2],
];

/** Mulberry32: a small, fast, seeded generator, so two runs produce the same people. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function weighted(rand: () => number, list: readonly [string, number][]): string {
  const total = list.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [value, weight] of list) {
    r -= weight;
    if (r < 0) return value;
  }
  return list[list.length - 1]![0];
}

function digits(rand: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(rand() * 10);
  return out;
}

function phone(rand: () => number): string {
  switch (Math.floor(rand() * 5)) {
    case 0:
      return `+49 30 ${digits(rand, 7)}`;
    case 1:
      return `+1 (${digits(rand, 3)}) 555-${digits(rand, 4)}`;
    case 2:
      return `+33 1 ${digits(rand, 2)} ${digits(rand, 2)} ${digits(rand, 2)} ${digits(rand, 2)}`;
    case 3:
      return `+44 20 ${digits(rand, 4)} ${digits(rand, 4)}`;
    default:
      return `0${digits(rand, 3)}-${digits(rand, 6)}`;
  }
}

function mailbox(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export interface Person {
  firstName: string;
  lastName: string;
  title: string;
  email: string;
  phone: string | null;
  mastodon: string | null;
  lifecycleStage: string;
  tags: string[];
  /** Spread over the last two years, for sorting by creation. */
  createdAt: Date;
}

/** The `index`-th person of the stream seeded by `seed`; the same arguments give the same person. */
export function person(seed: number, index: number, now = Date.UTC(2026, 0, 1)): Person {
  const rand = random(seed * 1_000_003 + index);
  const firstName = pick(rand, FIRST_NAMES);
  const lastName = pick(rand, LAST_NAMES);
  const local = `${mailbox(firstName)}.${mailbox(lastName)}.${index.toString(36)}`;
  const tags = TAGS.filter(([, share]) => rand() < share).map(([tag]) => tag);
  const handle = rand() < 0.3 ? `@${mailbox(firstName)}${index.toString(36)}@mastodon.social` : null;
  return {
    firstName,
    lastName,
    title: rand() < 0.25 ? '' : pick(rand, TITLES),
    email: `${local}@${pick(rand, DOMAINS)}`,
    phone: rand() < 0.7 ? phone(rand) : null,
    mastodon: handle,
    lifecycleStage: weighted(rand, STAGES),
    tags,
    createdAt: new Date(now - Math.floor(rand() * 2 * 365 * 24 * 3600 * 1000)),
  };
}

/** The body of `POST /api/v1/contacts` for a person. */
export function contactBody(p: Person): Record<string, unknown> {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    ...(p.title ? { title: p.title } : {}),
    emails: [{ address: p.email, label: 'work' }],
    ...(p.phone ? { phones: [{ number: p.phone, label: 'mobile' }] } : {}),
    ...(p.mastodon
      ? { socialHandles: [{ network: 'mastodon', handle: p.mastodon, url: `https://mastodon.social/${p.mastodon.split('@')[1]}` }] }
      : {}),
    lifecycleStage: p.lifecycleStage,
    tags: p.tags,
  };
}

/** Full names that occur in the generated data, for search queries. */
export function searchNames(seed: number, count: number, among: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = person(seed, Math.floor((i * among) / count));
    names.push(`${p.firstName} ${p.lastName}`);
  }
  return names;
}

export { FIRST_NAMES, LAST_NAMES };
