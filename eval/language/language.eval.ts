/**
 * Language identification quality on test/fixtures/eval/language/language-set.jsonl: posts from the
 * repository's corpora with the language their source states, plus short posts written for the
 * evaluation in every supported major language (none from the UDHR the profiles are trained on).
 */
import { readFileSync } from 'node:fs';
import { detectLanguage } from '../../server/src/nlp/language/language.js';
import { count, decimal, markdownTable } from '../lib/markdown.js';
import { accuracy, classificationReport } from '../lib/metrics.js';
import type { EvalSuite } from '../lib/suite.js';

interface LabelledPost {
  id: string;
  text: string;
  language: string;
  source: string;
}

const setFile = new URL('../../test/fixtures/eval/language/language-set.jsonl', import.meta.url);

function loadSet(): LabelledPost[] {
  return readFileSync(setFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledPost);
}

function perSourceTable(posts: readonly LabelledPost[], predicted: readonly string[]): string {
  const sources = [...new Set(posts.map((post) => post.source))].sort();
  const rows = sources.map((source) => {
    const indexes = posts.flatMap((post, index) => (post.source === source ? [index] : []));
    const gold = indexes.map((index) => posts[index]!.language);
    const given = indexes.map((index) => predicted[index]!);
    return [source, count(indexes.length), decimal(accuracy(gold, given))];
  });
  return markdownTable(['source', 'posts', 'accuracy'], rows, ['left', 'right', 'right']);
}

export const suite: EvalSuite = {
  name: 'language',
  run() {
    const posts = loadSet();
    const gold = posts.map((post) => post.language);
    const predicted = posts.map((post) => detectLanguage(post.text).language);
    // Every label on either side, so that languages given wrongly show up with their precision.
    const report = classificationReport(gold, predicted);
    const classRows = report.classes.map((scores) => [
      scores.label,
      count(scores.support),
      decimal(scores.precision),
      decimal(scores.recall),
      decimal(scores.f1),
    ]);
    const misses = posts.flatMap((post, index) =>
      predicted[index] === post.language ? [] : [[post.id, post.language, predicted[index]!, post.text.slice(0, 80)]],
    );
    return Promise.resolve(
      [
        '## Language',
        '',
        `Set: ${count(posts.length)} posts (test/fixtures/eval/language, labels stated by the source or by the writer of the post).`,
        `Accuracy ${decimal(report.accuracy)}, macro-F1 ${decimal(report.macroF1)}, weighted F1 ${decimal(report.weightedF1)}; ` +
          `'und' answers: ${count(predicted.filter((language) => language === 'und').length)}.`,
        '',
        perSourceTable(posts, predicted),
        '',
        markdownTable(['language', 'posts', 'precision', 'recall', 'F1'], classRows, ['left', 'right', 'right', 'right', 'right']),
        '',
        misses.length === 0 ? 'No misses.' : markdownTable(['post', 'true', 'predicted', 'text'], misses),
        '',
      ].join('\n'),
    );
  },
};
