/**
 * Intent quality of the built-in model on test/fixtures/eval/intent/intent-set.jsonl: messages of the
 * repository's corpora (tweets, skeets, toots, Meta, reddit, e-mail, RSS), labelled by hand under the
 * rules in that folder's README before the model was run on them.
 */
import { readFileSync } from 'node:fs';
import { classifyIntent } from '../../server/src/nlp/intent/intent.js';
import { INTENT_LABELS, type IntentLabel } from '../../server/src/nlp/intent/intent-labels.js';
import { confusionTable, count, decimal, markdownTable } from '../lib/markdown.js';
import { classificationReport, confusionMatrix } from '../lib/metrics.js';
import type { EvalSuite } from '../lib/suite.js';

interface LabelledMessage {
  id: string;
  source: string;
  text: string;
  intent: IntentLabel;
}

const setFile = new URL('../../test/fixtures/eval/intent/intent-set.jsonl', import.meta.url);

function loadSet(): LabelledMessage[] {
  return readFileSync(setFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledMessage);
}

export const suite: EvalSuite = {
  name: 'intent',
  run() {
    const messages = loadSet();
    const gold = messages.map((message) => message.intent);
    const predicted = messages.map((message) => classifyIntent(message.text).intent);
    const report = classificationReport(gold, predicted, INTENT_LABELS);
    const rows = report.classes.map((scores) => [
      scores.label,
      count(scores.support),
      count(scores.predicted),
      decimal(scores.precision),
      decimal(scores.recall),
      decimal(scores.f1),
    ]);
    return Promise.resolve(
      [
        '## Intent',
        '',
        `Set: ${count(messages.length)} messages from the corpora (test/fixtures/eval/intent; labelling rules in its README).`,
        `Accuracy ${decimal(report.accuracy)}, weighted F1 ${decimal(report.weightedF1)}, macro-F1 ${decimal(report.macroF1)} ` +
          '(macro-F1 counts purchase, which has no message in the set, as 0).',
        '',
        markdownTable(['intent', 'messages', 'predicted', 'precision', 'recall', 'F1'], rows, [
          'left',
          'right',
          'right',
          'right',
          'right',
          'right',
        ]),
        '',
        'Confusion (rows: true intent, columns: predicted):',
        '',
        confusionTable(confusionMatrix(gold, predicted, INTENT_LABELS)),
        '',
      ].join('\n'),
    );
  },
};
