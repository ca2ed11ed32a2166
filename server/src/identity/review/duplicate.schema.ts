/** The duplicate review queue as the API shows it: pairs of contacts, or an identity and a contact, with their evidence. */
import { Type, type Static } from 'typebox';
import { UUID_PATTERN } from '../../platform/db/ids.js';
import { DateTime, OneOf, Page, PageQuery, Uuid } from '../../platform/http/schemas.js';

export const DUPLICATE_STATUSES = ['open', 'merged', 'linked', 'dismissed'] as const;
export type DuplicateStatus = (typeof DUPLICATE_STATUSES)[number];
export const DUPLICATE_KINDS = ['contact', 'identity'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

const Status = OneOf(DUPLICATE_STATUSES);
const Kind = OneOf(DUPLICATE_KINDS);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const EvidenceItem = Type.Object({
  field: Type.String(),
  level: Type.String(),
  weight: Type.Number({ description: 'log2 odds this field added' }),
});

export const ContactSummary = Type.Object({
  id: Uuid,
  displayName: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  title: Type.String(),
  emails: Type.Array(Type.String()),
  phones: Type.Array(Type.String()),
  handles: Type.Array(Type.String()),
  companyName: NullableString,
  lifecycleStage: Type.String(),
  updatedAt: DateTime,
});
export type ContactSummary = Static<typeof ContactSummary>;

export const IdentitySummary = Type.Object({
  id: Uuid,
  network: Type.String(),
  handle: NullableString,
  displayName: NullableString,
  profileUrl: NullableString,
  avatarUrl: NullableString,
  email: NullableString,
});
export type IdentitySummary = Static<typeof IdentitySummary>;

export const MergeOfPair = Type.Object({
  id: Uuid,
  survivorId: Uuid,
  mergedId: Uuid,
  mergedAt: DateTime,
  survivorName: Type.String({ description: 'The surviving contact’s name now; the pair shows both contacts as they were when merged' }),
});

export const DuplicateCandidate = Type.Object({
  id: Uuid,
  kind: Kind,
  status: Status,
  decision: OneOf(['link', 'review'] as const),
  probability: Type.Number(),
  weight: Type.Number(),
  evidence: Type.Array(EvidenceItem),
  left: Type.Union([ContactSummary, Type.Null()], { description: 'The other contact; null for an identity pair' }),
  right: ContactSummary,
  identity: Type.Union([IdentitySummary, Type.Null()], { description: 'The identity of an identity pair; null for two contacts' }),
  merge: Type.Union([MergeOfPair, Type.Null()], {
    description:
      'For a merged pair, the merge in place: the survivor to open and the merge to undo. Both sides are shown as they were when merged: the merged contact as the merge kept it, the survivor with the values the merge changed as they were before it',
  }),
  createdAt: DateTime,
  decidedAt: Type.Union([DateTime, Type.Null()]),
  decidedBy: Type.Union([Uuid, Type.Null()]),
});
export type DuplicateCandidate = Static<typeof DuplicateCandidate>;

export const DuplicateListQuery = Type.Object(
  {
    status: Type.Optional(Status),
    kind: Type.Optional(Kind),
    identityId: Type.Optional(
      Type.String({
        pattern: UUID_PATTERN,
        patternReason: 'must be a UUID',
        description: 'Only the pairs of this identity (the contacts it may be)',
      }),
    ),
    contactId: Type.Optional(
      Type.String({
        pattern: UUID_PATTERN,
        patternReason: 'must be a UUID',
        description: 'Only the pairs this contact is in, on either side',
      }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type DuplicateListQuery = Static<typeof DuplicateListQuery>;

export const DuplicatePage = Page(DuplicateCandidate);

export const DuplicateCountQuery = Type.Object(
  { status: Type.Optional(Status), kind: Type.Optional(Kind) },
  { additionalProperties: false },
);
export type DuplicateCountQuery = Static<typeof DuplicateCountQuery>;

export const ResolveSummary = Type.Object({
  contacts: Type.Integer(),
  candidatePairs: Type.Integer({ description: 'Pairs compared after blocking' }),
  linkPairs: Type.Integer(),
  reviewPairs: Type.Integer(),
  clusters: Type.Integer(),
  identitiesMatched: Type.Integer(),
  identitiesLinked: Type.Integer(),
  durationMs: Type.Integer(),
});
export type ResolveSummary = Static<typeof ResolveSummary>;
