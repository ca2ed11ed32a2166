/** The JetStream stream the ingest transport uses unless told otherwise; apart, so naming it loads no NATS client. */
export const DEFAULT_STREAM = 'RAPPORT_INGEST';
