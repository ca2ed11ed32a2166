import { describe, expect, it } from 'vitest';
import { accuracy, classificationReport, confusionMatrix, labelsOf, pearsonCorrelation } from './metrics.js';

describe('pearsonCorrelation', () => {
  it('is 1 for a positive linear relation and -1 for a negative one', () => {
    expect(pearsonCorrelation([1, 2, 3, 4], [3, 5, 7, 9])).toBeCloseTo(1, 12);
    expect(pearsonCorrelation([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 12);
  });

  it('matches a value worked by hand', () => {
    // x̄ = 3, ȳ = 2.6; Σdxdy = 4, Σdx² = 10, Σdy² = 5.2 → r = 4 / √52
    expect(pearsonCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 3])).toBeCloseTo(4 / Math.sqrt(52), 12);
  });

  it('is 0 without variance or values, and refuses lists of different lengths', () => {
    expect(pearsonCorrelation([1, 1, 1], [1, 2, 3])).toBe(0);
    expect(pearsonCorrelation([], [])).toBe(0);
    expect(() => pearsonCorrelation([1, 2], [1])).toThrow(/2 values with 1/);
  });
});

describe('label metrics', () => {
  type Intent = 'complaint' | 'praise' | 'question';
  const gold: Intent[] = ['complaint', 'complaint', 'complaint', 'praise', 'praise', 'question'];
  const predicted: Intent[] = ['complaint', 'complaint', 'praise', 'praise', 'question', 'question'];

  it('counts accuracy and the confusion matrix', () => {
    expect(accuracy(gold, predicted)).toBeCloseTo(4 / 6, 12);
    expect(confusionMatrix(gold, predicted)).toEqual({
      labels: ['complaint', 'praise', 'question'],
      counts: [
        [2, 1, 0],
        [0, 1, 1],
        [0, 0, 1],
      ],
    });
  });

  it('reports per-class precision, recall and F1 with macro and weighted averages', () => {
    const report = classificationReport(gold, predicted);
    const [complaint, praise, question] = report.classes;
    expect(complaint).toMatchObject({ label: 'complaint', precision: 1, support: 3, predicted: 2 });
    expect(complaint?.recall).toBeCloseTo(2 / 3, 12);
    expect(complaint?.f1).toBeCloseTo(0.8, 12);
    expect(praise).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(question).toMatchObject({ precision: 0.5, recall: 1, support: 1 });
    expect(question?.f1).toBeCloseTo(2 / 3, 12);
    expect(report.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
    expect(report.weightedF1).toBeCloseTo((0.8 * 3 + 0.5 * 2 + (2 / 3) * 1) / 6, 12);
    expect(report.weightedRecall).toBeCloseTo(report.accuracy, 12);
    expect(report.total).toBe(6);
  });

  it('reports a fixed label list, with zeros for a class never seen or never predicted', () => {
    const report = classificationReport<Intent | 'spam'>(['praise', 'praise'], ['praise', 'complaint'], ['complaint', 'praise', 'spam']);
    expect(report.classes.map((scores) => scores.label)).toEqual(['complaint', 'praise', 'spam']);
    expect(report.classes[0]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 0, predicted: 1 });
    expect(report.classes[2]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 0, predicted: 0 });
    expect(report.weightedF1).toBeCloseTo((2 * 1 * 0.5) / 1.5, 12);
  });

  it('gathers labels from both sides, and refuses lists of different lengths', () => {
    expect(labelsOf(['b', 'a'], ['c'])).toEqual(['a', 'b', 'c']);
    expect(() => accuracy(['a'], [])).toThrow(/1 true labels but 0 predictions/);
    expect(accuracy([], [])).toBe(0);
  });
});
