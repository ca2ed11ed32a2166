/**
 * Sentiment quality against the human-rated sets, scored by the rules of Hutto & Gilbert (2014):
 * Pearson r between our score and the human mean, and three-class accuracy, weighted F1 and
 * macro-F1 (predicted class from the ±0.05 thresholds; human class from the sign of the mean).
 * Each sentence is read as the pipeline reads a message: its language detected first, so a
 * sentence taken for another language comes back not analysed, and counts here as score 0, neutral.
 */
import { detectLanguage } from '../../server/src/nlp/language/language.js';
import { sentimentIn } from '../../server/src/nlp/sentiment/coverage.js';
import type { SentimentLabel } from '../../server/src/nlp/sentiment/sentiment-label.js';
import { decimal, count, markdownTable } from '../lib/markdown.js';
import { classificationReport, pearsonCorrelation, type ClassificationReport } from '../lib/metrics.js';
import type { EvalSuite } from '../lib/suite.js';
import { loadRatedSets, type RatedSet } from './rated-sets.js';

type Polarity = SentimentLabel;

const polarities: readonly Polarity[] = ['negative', 'neutral', 'positive'];

/** The paper's human class: neutral only when the raters' mean is exactly zero. */
function humanPolarity(rating: number): Polarity {
  if (rating > 0) return 'positive';
  if (rating < 0) return 'negative';
  return 'neutral';
}

interface SetResult {
  set: RatedSet;
  r: number;
  report: ClassificationReport<Polarity>;
  /** Sentences the scorer did not read, taken for a language its lexicons do not cover. */
  notAnalysed: number;
}

function evaluate(set: RatedSet): SetResult {
  const scores: number[] = [];
  const predicted: Polarity[] = [];
  let notAnalysed = 0;
  for (const sentence of set.sentences) {
    const sentiment = sentimentIn(sentence.text, detectLanguage(sentence.text));
    if (sentiment.label === null) notAnalysed++;
    scores.push(sentiment.score ?? 0);
    predicted.push(sentiment.label ?? 'neutral');
  }
  const ratings = set.sentences.map((sentence) => sentence.rating);
  const gold = ratings.map(humanPolarity);
  return { set, r: pearsonCorrelation(scores, ratings), report: classificationReport(gold, predicted, polarities), notAnalysed };
}

function summaryTable(results: readonly SetResult[]): string {
  const rows = results.map(({ set, r, report, notAnalysed }) => [
    `${set.name} (${set.usedForTuning ? 'tuning' : 'held out'})`,
    count(report.total),
    `${decimal(r)} (${decimal(set.reference.r)})`,
    `${decimal(report.weightedF1)} (${decimal(set.reference.weightedF1)})`,
    decimal(report.macroF1),
    `${decimal(report.accuracy)} (${decimal(set.reference.accuracy)})`,
    count(notAnalysed),
  ]);
  return markdownTable(
    ['set', 'items', 'Pearson r (reference)', 'weighted F1 (reference)', 'macro-F1', 'accuracy (reference)', 'not analysed'],
    rows,
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
}

function perClassTable(results: readonly SetResult[]): string {
  const rows = results.flatMap(({ set, report }) =>
    report.classes.map((scores) => [
      set.name,
      scores.label,
      count(scores.support),
      count(scores.predicted),
      decimal(scores.precision),
      decimal(scores.recall),
      decimal(scores.f1),
    ]),
  );
  return markdownTable(['set', 'class', 'human', 'predicted', 'precision', 'recall', 'F1'], rows, [
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
  ]);
}

export const suite: EvalSuite = {
  name: 'sentiment',
  run() {
    const results = loadRatedSets().map(evaluate);
    return Promise.resolve(
      [
        '## Sentiment',
        '',
        'Human-rated sets of Hutto & Gilbert (2014); in brackets, the VADER reference implementation on the same files. ' +
          'Read as the pipeline reads a message (language first); a sentence not analysed counts as score 0, neutral.',
        '',
        summaryTable(results),
        '',
        'Per class (human class from the sign of the raters\u2019 mean; almost no item is exactly neutral):',
        '',
        perClassTable(results),
      ].join('\n'),
    );
  },
};
