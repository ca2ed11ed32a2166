/**
 * The NLP enricher: sentiment, language, intent (with the workspace's learned model), keywords,
 * hashtags, mentions, links and entities for every message the pipeline stores, under `nlp`.
 */
import type { Enricher } from '../../ingest/index.js';
import { loadAnalysis, loadedAnalysis } from './text-understanding.js';
import { cachedIntentModel, refreshIntentModel } from './workspace-intent-models.js';

/** A feed entry's title says as much as its body; both are understood together. */
export const understandingText = (title: string | null | undefined, text: string) => (title ? `${title}\n${text}` : text);

export const understandingEnricher: Enricher = {
  name: 'nlp',
  async prepare(tx, workspaceId) {
    await loadAnalysis();
    await refreshIntentModel(tx, workspaceId);
  },
  enrich(message, { workspaceId }) {
    return { ...loadedAnalysis().analyzeText(understandingText(message.title, message.text), cachedIntentModel(workspaceId)) };
  },
};
