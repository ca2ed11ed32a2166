/**
 * Steps that act on messages once they are stored, inside the batch's transaction (listening
 * matches them against the workspace's queries and records mentions). Domains register theirs
 * here, so the pipeline never imports them; a step's writes commit or roll back with the batch,
 * which keeps "nothing acknowledged before it is committed" true for what steps derive as well.
 */
import type { NormalisedMessage } from '../../channels/index.js';
import type { Queryable } from '../../platform/db/db.js';

export interface StoredMessage {
  id: string;
  conversationId: string;
  authorIdentityId: string | null;
  message: NormalisedMessage;
  enrichment: Readonly<Record<string, unknown>>;
}

export interface StoredMessagesStep {
  /** Unique among registered steps; named in logs. */
  name: string;
  /** Only the messages this batch inserted (duplicates never reach a step). */
  run(tx: Queryable, workspaceId: string, messages: readonly StoredMessage[]): Promise<void>;
}

export interface StoredMessagesStepRegistry {
  register(step: StoredMessagesStep): void;
  list(): readonly StoredMessagesStep[];
}

export function createStoredMessagesStepRegistry(): StoredMessagesStepRegistry {
  const steps = new Map<string, StoredMessagesStep>();
  return {
    register(step) {
      if (steps.has(step.name)) throw new Error(`a stored-message step named "${step.name}" is already registered`);
      steps.set(step.name, step);
    },
    list: () => [...steps.values()],
  };
}

/** The registry the app's pipeline reads; domains register into it through the ingest index. */
export const storedMessagesSteps = createStoredMessagesStepRegistry();
