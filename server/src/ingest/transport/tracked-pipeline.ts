/**
 * What every transport's pipeline shares: submissions are refused once closing begins, and closing
 * waits for every submission still in flight before the transport lets go of its resources.
 */
import type { IngestBatch, IngestPipeline, IngestReport } from '../ingest.contract.js';

export function trackedPipeline(submit: (batch: IngestBatch) => Promise<IngestReport>, release: () => Promise<void>): IngestPipeline {
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  return {
    submit(batch) {
      if (closed) return Promise.reject(new Error('the ingest pipeline is closed'));
      const work = submit(batch);
      const tracked = work.catch(() => undefined).finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      return work;
    },
    async close() {
      closed = true;
      await Promise.all(inFlight);
      await release();
    },
  };
}
