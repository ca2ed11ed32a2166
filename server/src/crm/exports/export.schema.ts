/** Exports of contacts and companies: the query schemas (the list filters plus a format). */
import { Type, type Static } from 'typebox';
import { MediaTypes, OneOf } from '../../platform/http/schemas.js';
import { CompanySegmentFilters, ContactSegmentFilters, SEGMENT_SORTS } from '../segments/segment.schema.js';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const format = Type.Optional(OneOf(EXPORT_FORMATS, { description: 'csv (default) or json' }));
/** The list's order, so a download matches the list as shown; id order (fastest) when left out. */
const sort = Type.Optional(OneOf(SEGMENT_SORTS));

export const ContactExportQuery = Type.Object({ ...ContactSegmentFilters.properties, sort, format }, { additionalProperties: false });
export type ContactExportQuery = Static<typeof ContactExportQuery>;

export const CompanyExportQuery = Type.Object({ ...CompanySegmentFilters.properties, sort, format }, { additionalProperties: false });
export type CompanyExportQuery = Static<typeof CompanyExportQuery>;

/** Documents the download for OpenAPI; the body is streamed, not serialised from these schemas. */
export const ExportDownload = MediaTypes('The list as an attachment, in the format asked for', {
  'text/csv': Type.String({ description: 'CSV (UTF-8, header row)' }),
  'application/json': Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: 'A JSON array, one object per record' }),
});
