/** Segments: saved views of the contact or company list — a name for a set of filters and a sort. */
import { Type, type Static } from 'typebox';
import type { Migration } from '../../platform/db/migrate.js';
import { DateTime, OneOf, Uuid } from '../../platform/http/schemas.js';
import { CONTACT_SORTS, ContactListQuery } from '../contacts/contact.schema.js';

export const SEGMENT_ENTITIES = ['contact', 'company'] as const;
export type SegmentEntity = (typeof SEGMENT_ENTITIES)[number];
/** Both lists sort the same ways. */
export const SEGMENT_SORTS = CONTACT_SORTS;

export const segmentMigrations: Migration[] = [
  {
    id: 'crm/060-segments',
    sql: `
CREATE TABLE segments (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL,
  entity text NOT NULL CHECK (entity IN ('contact', 'company')),
  filters jsonb NOT NULL DEFAULT '{}',
  sort text,
  owner_id uuid,
  shared boolean NOT NULL DEFAULT false,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX segments_owner ON segments (workspace_id, owner_id);
CREATE INDEX segments_shared ON segments (workspace_id) WHERE shared;
`,
  },
];

const { q, stage, tag, ownerId, teamId, companyId, createdAfter, createdBefore } = ContactListQuery.properties;

/** The filters of GET /api/v1/contacts, without paging. */
export const ContactSegmentFilters = Type.Object(
  { q, stage, tag, ownerId, teamId, companyId, createdAfter, createdBefore },
  { additionalProperties: false },
);
export type ContactSegmentFilters = Static<typeof ContactSegmentFilters>;

/** The filters of GET /api/v1/companies, without paging, plus creation dates. */
export const CompanySegmentFilters = Type.Object(
  {
    q,
    tag,
    industry: Type.Optional(Type.String({ maxLength: 100, description: 'Exact industry, ignoring case' })),
    ownerId: Type.Optional(Uuid),
    teamId: Type.Optional(Uuid),
    createdAfter,
    createdBefore,
  },
  { additionalProperties: false },
);
export type CompanySegmentFilters = Static<typeof CompanySegmentFilters>;

const Name = Type.String({ minLength: 1, maxLength: 100 });
const Filters = Type.Record(Type.String(), Type.Unknown(), {
  description: 'The list filters (q, stage, tag, ownerId, teamId, companyId, industry, createdAfter, createdBefore) for the entity',
});
const Sort = Type.Union([OneOf(SEGMENT_SORTS), Type.Null()]);

export const SegmentInput = Type.Object(
  {
    name: Name,
    entity: OneOf(SEGMENT_ENTITIES),
    filters: Filters,
    sort: Type.Optional(Sort),
    shared: Type.Optional(Type.Boolean({ description: 'Visible to every member (only its owner and admins change it)' })),
  },
  { additionalProperties: false },
);
export type SegmentInput = Static<typeof SegmentInput>;

export const SegmentPatch = Type.Object(
  { name: Type.Optional(Name), filters: Type.Optional(Filters), sort: Type.Optional(Sort), shared: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type SegmentPatch = Static<typeof SegmentPatch>;

export const SegmentListQuery = Type.Object({ entity: Type.Optional(OneOf(SEGMENT_ENTITIES)) }, { additionalProperties: false });

export const Segment = Type.Object({
  id: Type.String(),
  name: Type.String(),
  entity: Type.String(),
  filters: Type.Record(Type.String(), Type.Unknown()),
  sort: Type.Union([Type.String(), Type.Null()]),
  ownerId: Type.Union([Type.String(), Type.Null()]),
  shared: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export interface Segment {
  id: string;
  name: string;
  entity: SegmentEntity;
  filters: Record<string, unknown>;
  sort: string | null;
  ownerId: string | null;
  shared: boolean;
  createdAt: Date;
  updatedAt: Date;
}
