/**
 * Enrichers add derived facts to a message before it is stored (sentiment, language, intent, …).
 * Domains register theirs here at load time, so the pipeline never imports them; each result is
 * stored in `messages.enrichment` under the enricher's name.
 */
import type { NormalisedMessage } from '../../channels/index.js';
import type { Queryable } from '../../platform/db/db.js';

export interface Enricher {
  /** The key the result is stored under; unique among registered enrichers. */
  name: string;
  /**
   * Loads what the enricher needs for one workspace (a model it learned there) before a batch is
   * enriched; called once per batch, before the batch's transaction, so it should be cheap when
   * nothing changed.
   */
  prepare?(db: Queryable, workspaceId: string): Promise<void>;
  /** Undefined when the enricher has nothing to say about this message. Must not do I/O: it runs for every message of every batch. */
  enrich(message: NormalisedMessage, context: EnrichContext): Record<string, unknown> | undefined;
}

export interface EnrichContext {
  workspaceId: string;
}

export interface EnricherRegistry {
  register(enricher: Enricher): void;
  list(): readonly Enricher[];
}

export function createEnricherRegistry(): EnricherRegistry {
  const enrichers = new Map<string, Enricher>();
  return {
    register(enricher) {
      if (enrichers.has(enricher.name)) throw new Error(`an enricher named "${enricher.name}" is already registered`);
      enrichers.set(enricher.name, enricher);
    },
    list: () => [...enrichers.values()],
  };
}

/** The registry the app's pipeline reads; other domains register into it through the ingest index. */
export const enricherRegistry = createEnricherRegistry();

/**
 * Runs every enricher on a message. A failing enricher leaves its key out rather than losing the
 * message: enrichment is an extra, the message is the record.
 */
export function enrich(
  message: NormalisedMessage,
  context: EnrichContext,
  enrichers: readonly Enricher[],
  onError: (enricher: string, error: unknown) => void,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const enricher of enrichers) {
    try {
      const value = enricher.enrich(message, context);
      if (value !== undefined) result[enricher.name] = value;
    } catch (error) {
      onError(enricher.name, error);
    }
  }
  return result;
}
