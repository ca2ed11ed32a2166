/**
 * Workspaces without duplicates: generated people (`distinctPeople`), none a duplicate of another,
 * namesakes of the commonest names included, so every pair linked or queued is a false positive.
 * Some rows plant a few duplicates (the same person imported again, a typo in the given name, the
 * same e-mail address, no phone), to show they are still found. The seed is one no development
 * run used (the fit check was developed on seeds 1 to 5).
 */
import { resolveAll, type PersonRecord, type ScoredPair } from '../../server/src/identity/matching/index.js';
import { distinctPeople } from '../../server/src/identity/matching/testing/distinct-people.js';
import { count, decimal, markdownTable, type Alignment } from '../lib/markdown.js';
import { throughProduct } from './through-product.js';

const SEED = 7;
const NAME_FIELDS = new Set(['given', 'family', 'emailName']);

interface Workspace {
  people: number;
  /** Share of the people with contact details (e-mail, and for some a phone, company or city). */
  detailed: number;
  planted: number;
}

const ENGINE_WORKSPACES: Workspace[] = [
  ...[2_000, 10_000].flatMap((people) => [1, 0.5, 0].map((detailed) => ({ people, detailed, planted: 0 }))),
  { people: 2_000, detailed: 1, planted: 10 },
];
const PRODUCT_WORKSPACES: Workspace[] = [1, 0].map((detailed) => ({ people: 2_000, detailed, planted: 0 }));

const PLANTED_SUFFIX = '-again';

/** The workspace's people, the planted duplicates after them: copies of people with contact details. */
function workspacePeople({ people, detailed, planted }: Workspace): PersonRecord[] {
  const generated = distinctPeople(people, detailed, SEED);
  const originals = generated.filter((person) => (person.emails?.length ?? 0) > 0);
  const step = Math.floor(originals.length / Math.max(1, planted));
  const copies = Array.from({ length: planted }, (_, index) => {
    const original = originals[index * step]!;
    return { ...original, id: `${original.id}${PLANTED_SUFFIX}`, givenName: `${original.givenName}e`, phones: [] };
  });
  return [...generated, ...copies];
}

const isPlanted = ([left, right]: readonly [string, string]) => left.replace(PLANTED_SUFFIX, '') === right.replace(PLANTED_SUFFIX, '');
const namesOnly = (pair: ScoredPair) => !pair.evidence.some((item) => item.weight > 0 && !NAME_FIELDS.has(item.field));

function workspaceCells({ people, detailed, planted }: Workspace): string[] {
  const details = detailed === 1 ? 'all' : detailed === 0 ? 'none' : `${detailed * 100} %`;
  return [count(people), details, count(planted)];
}

function engineRow(workspace: Workspace): string[] {
  const resolution = resolveAll(workspacePeople(workspace));
  const pairOf = (pair: ScoredPair): [string, string] => [pair.left, pair.right];
  const linked = resolution.pairs.filter((pair) => pair.decision === 'link');
  const falsePairs = resolution.pairs.filter((pair) => !isPlanted(pairOf(pair)));
  const highest = Math.max(0, ...falsePairs.map((pair) => pair.probability));
  return [
    ...workspaceCells(workspace),
    count(resolution.candidatePairs),
    count(linked.filter((pair) => isPlanted(pairOf(pair))).length),
    count(falsePairs.filter((pair) => pair.decision === 'link').length),
    count(falsePairs.filter((pair) => pair.decision === 'review').length),
    count(falsePairs.filter(namesOnly).length),
    falsePairs.length === 0 ? '–' : decimal(highest, 3),
  ];
}

async function productRow(workspace: Workspace): Promise<string[]> {
  const records = workspacePeople(workspace);
  const run = await throughProduct({ name: `${count(workspace.people)} different people`, records }, false);
  return [
    ...workspaceCells(workspace),
    count(run.imported),
    count(run.linkedPairs.length),
    count(run.reviewPairs),
    decimal(run.seconds, 2),
  ];
}

export async function noDuplicatesSection(): Promise<string> {
  const engine = markdownTable(
    [
      'people',
      'with contact details',
      'planted duplicates',
      'candidate pairs compared',
      'planted pairs linked',
      'false pairs linked',
      'false pairs queued for review',
      'of them on names alone',
      'highest posterior of a false pair',
    ],
    ENGINE_WORKSPACES.map(engineRow),
    ['right', 'left', ...Array<Alignment>(7).fill('right')],
  );
  const product: string[][] = [];
  for (const workspace of PRODUCT_WORKSPACES) product.push(await productRow(workspace));
  return [
    '### A workspace without duplicates',
    '',
    `Generated people, none a duplicate of another (\`server/src/identity/matching/testing/distinct-people.ts\`, seed ${SEED}): given and`,
    'family names drawn with their real skew plus a crowd of namesakes ("John Smith" five times), each with an e-mail address of',
    'their own, a phone, company or city for some; "with contact details" is the share that has them, the others are known by',
    'name only. Every pair linked or queued is a false positive, except the planted duplicates (the same person again with a typo',
    'in the given name, the same e-mail address, no phone). The matching engine alone (`resolveAll`):',
    '',
    engine,
    '',
    'Through the product (CSV import, full pass, stored pairs), the same workspaces without planted duplicates:',
    '',
    markdownTable(
      ['people', 'with contact details', 'planted duplicates', 'contacts', 'linked pairs', 'review pairs', 'seconds'],
      product,
      ['right', 'left', ...Array<Alignment>(5).fill('right')],
    ),
  ].join('\n');
}
