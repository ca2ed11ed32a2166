/** The quality measures shared by the eval suites; they live with the NLP code so that they are unit-tested there. */
export {
  accuracy,
  classificationReport,
  confusionMatrix,
  labelsOf,
  pearsonCorrelation,
  type ClassificationReport,
  type ClassScores,
  type ConfusionMatrix,
} from '../../server/src/nlp/evaluation/metrics.js';
