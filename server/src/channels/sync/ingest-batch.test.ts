import { describe, expect, it } from 'vitest';
import type { NormalisedMessage } from '../message.schema.js';
import { newestSentAt } from './ingest-batch.js';

const at = (sentAt: string) => ({ sentAt: new Date(sentAt) }) as NormalisedMessage;

describe('newestSentAt', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('is the newest message’s time, or null for a batch without messages', () => {
    expect(newestSentAt({ messages: [], rejected: [] }, now)).toBeNull();
    expect(newestSentAt({ messages: [at('2026-03-01T10:00:00Z'), at('2026-03-01T11:00:00Z')], rejected: [] }, now)).toEqual(
      new Date('2026-03-01T11:00:00Z'),
    );
  });

  it('never lies in the future, whatever a source’s clock says', () => {
    expect(newestSentAt({ messages: [at('2026-03-01T10:00:00Z'), at('9999-01-01T00:00:00Z')], rejected: [] }, now)).toEqual(now);
  });
});
