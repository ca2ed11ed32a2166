/** The ingest domain as other domains see it: the app's pipeline, its contract, and the enricher registry. */
export { closeIngestPipeline, ingestPipeline } from './app-pipeline.js';
export { ingestBatch } from './pipeline/ingest-batch.js';
export type { IngestBatch, IngestPipeline, IngestReport, IngestSource, IngestSourceKind } from './ingest.contract.js';
export { enricherRegistry, type EnrichContext, type Enricher, type EnricherRegistry } from './pipeline/enrichers.js';
export { storedMessagesSteps, type StoredMessage, type StoredMessagesStep } from './pipeline/stored-message-steps.js';
