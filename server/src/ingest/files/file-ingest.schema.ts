/** Ingesting a recorded file through the API: what is sent and the report that comes back. */
import { Type, type Static } from 'typebox';
import { FORMAT_NAMES } from '../../channels/index.js';
import { OneOf, Uuid } from '../../platform/http/schemas.js';

/** How a file's messages are taken: as the past (resolved, on no one's desk), or as new arrivals to answer. */
export const INGEST_AS = ['history', 'new'] as const;
export type IngestAs = (typeof INGEST_AS)[number];

export const FileIngestInput = Type.Object(
  {
    format: OneOf(FORMAT_NAMES, { description: 'The format the content is in' }),
    content: Type.String({ minLength: 1, description: 'The file as text (the request body limit applies)' }),
    channelId: Type.Optional(Uuid),
    as: Type.Optional(
      OneOf(INGEST_AS, {
        description:
          'new (the default here): arrivals, routed and on the SLA clock; history: conversations it starts are stored resolved, ' +
          'routed to no one and on no SLA clock, and messages it adds reopen nothing',
      }),
    ),
  },
  { additionalProperties: false },
);
export type FileIngestInput = Static<typeof FileIngestInput>;

export const IngestReport = Type.Object({
  received: Type.Integer({ description: 'ingested + duplicates + rejected' }),
  ingested: Type.Integer({ description: 'Messages stored' }),
  duplicates: Type.Integer({ description: 'Messages stored before (or twice in the file), left as they were' }),
  rejected: Type.Integer({ description: 'Items that became dead letters' }),
  conversationsCreated: Type.Integer(),
  deleted: Type.Integer({ description: 'Messages removed because the source deleted them' }),
});
