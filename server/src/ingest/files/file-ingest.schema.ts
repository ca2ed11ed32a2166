/** Ingesting a recorded file through the API: what is sent and the report that comes back. */
import { Type, type Static } from 'typebox';
import { FORMAT_NAMES } from '../../channels/index.js';
import { OneOf, Uuid } from '../../platform/http/schemas.js';

export const FileIngestInput = Type.Object(
  {
    format: OneOf(FORMAT_NAMES, { description: 'The format the content is in' }),
    content: Type.String({ minLength: 1, description: 'The file as text (the request body limit applies)' }),
    channelId: Type.Optional(Uuid),
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
