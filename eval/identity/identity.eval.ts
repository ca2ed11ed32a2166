/**
 * Identity-resolution quality on the FEBRL files: the records go through the product's batch
 * deduplication (`resolveAll`: blocking, EM fit on the file itself without labels, thresholds from
 * the fitted model's posterior probability), and the clusters are scored pairwise against the
 * ground truth — without the national id column, and separately with it.
 */
import { pairwiseQuality, type PairwiseQuality } from '../../server/src/identity/matching/pairwise-quality.js';
import { DEFAULT_THRESHOLDS, resolveAll } from '../../server/src/identity/matching/index.js';
import { throughProduct } from './through-product.js';
import { count, decimal, markdownTable, type Alignment } from '../lib/markdown.js';
import type { EvalSuite } from '../lib/suite.js';
import { loadFebrl } from './febrl.js';
import { noDuplicatesSection } from './no-duplicates.js';

const FILES = ['dataset1.csv', 'dataset2.csv'];

/** Both tables: two text columns, then numbers. */
const ALIGN: Alignment[] = ['left', 'left', ...Array<Alignment>(9).fill('right')];

/** The columns both tables end with: the pairwise scores and the time taken. */
function scoreCells(quality: PairwiseQuality, seconds: number): string[] {
  return [decimal(quality.precision, 4), decimal(quality.recall, 4), decimal(quality.f1, 4), decimal(seconds, 2)];
}

function evaluate(name: string, withNationalId: boolean): string[] {
  const file = loadFebrl(name, withNationalId);
  const started = performance.now();
  const resolution = resolveAll(file.records);
  const seconds = (performance.now() - started) / 1000;
  const quality = pairwiseQuality(resolution.clusters, file.entityOf);
  const review = resolution.pairs.filter((pair) => pair.decision === 'review').length;
  return [
    name,
    withNationalId ? 'with' : 'without',
    count(file.records.length),
    count(quality.truePairs),
    count(resolution.candidatePairs),
    count(quality.predictedPairs),
    count(review),
    ...scoreCells(quality, seconds),
  ];
}

async function evaluateThroughProduct(name: string, withNationalId: boolean): Promise<string[]> {
  const file = loadFebrl(name, withNationalId);
  const run = await throughProduct(file, withNationalId);
  const quality = pairwiseQuality(run.linkedPairs, file.entityOf);
  return [
    name,
    withNationalId ? 'with' : 'without',
    count(run.imported),
    count(run.impossibleDates),
    count(quality.truePairs),
    count(quality.predictedPairs),
    count(run.reviewPairs),
    ...scoreCells(quality, run.seconds),
  ];
}

async function productSection(): Promise<string> {
  const rows: string[][] = [];
  for (const withNationalId of [false, true]) for (const name of FILES) rows.push(await evaluateThroughProduct(name, withNationalId));
  return [
    '### Through the product',
    '',
    'Each file imported as contacts by the CSV importer into a fresh embedded database (address, birthday; the national id into a',
    'custom field named as identifier field in the identity settings only for the "with" rows), then the workspace\'s full pass',
    '(`rapport identity resolve`); pairs are the contact pairs it stored with the decision link. Birth dates that are no calendar',
    'date cannot be stored on a contact and are left out; a record with no name at all is refused by the importer (its pairs count as missed).',
    '',
    markdownTable(
      [
        'file',
        'national id',
        'contacts',
        'impossible dates',
        'true pairs',
        'linked pairs',
        'review pairs',
        'precision',
        'recall',
        'F1',
        'seconds',
      ],
      rows,
      ALIGN,
    ),
  ].join('\n');
}

export const suite: EvalSuite = {
  name: 'identity',
  async run() {
    const rows = [false, true].flatMap((withNationalId) => FILES.map((name) => evaluate(name, withNationalId)));
    const table = markdownTable(
      [
        'file',
        'national id',
        'records',
        'true pairs',
        'candidate pairs compared',
        'linked pairs',
        'review pairs',
        'precision',
        'recall',
        'F1',
        'seconds',
      ],
      rows,
      ALIGN,
    );
    const rule = `link at posterior ≥ ${DEFAULT_THRESHOLDS.link}, review at ≥ ${DEFAULT_THRESHOLDS.review}`;
    const product = await productSection();
    const noDuplicates = await noDuplicatesSection();
    return [
      '## Identity resolution',
      '',
      `FEBRL files, model fitted by EM on each file without labels, ${rule}; pairwise scores over the linked clusters (review pairs are not counted as links).`,
      '',
      table,
      '',
      'The thresholds (posterior 0.99 / 0.5), priors and comparator levels were set before any run. What changed after looking at',
      'results was driven by dataset1.csv or by the synthetic benchmark data, never by dataset2.csv: the sorted-neighbourhood window (3),',
      'the block-size cap (50), and the EM safeguards (u started from random pairs, monotone m/u, match share at most one per person;',
      'a fit that describes no duplicates gives way to the prior scored against the candidates, see "A workspace without duplicates").',
      '',
      product,
      '',
      noDuplicates,
    ].join('\n');
  },
};
