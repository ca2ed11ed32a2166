/** Merging two contacts and undoing it, as the API shows it: the preview, the request and the merge record. */
import { Type, type Static } from 'typebox';
import { Contact } from '../../crm/index.js';
import { DateTime, OneOf, Uuid } from '../../platform/http/schemas.js';

export const MERGE_SIDES = ['survivor', 'merged'] as const;
export type MergeSide = (typeof MERGE_SIDES)[number];

export const FIELD_KINDS = ['single', 'list', 'custom'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Why a field's value won: the user's pick, the only value, the newer contact's, equal values, a union of lists, the further stage. */
export const PICK_REASONS = ['picked', 'only-one', 'newer', 'same', 'union', 'further-stage'] as const;
export type PickReason = (typeof PICK_REASONS)[number];

/** Single-valued fields are named as in a contact; custom fields as `custom.<key>`. */
const FieldName = Type.String({ pattern: '^([a-zA-Z]+|custom\\.[a-z][a-z0-9_]{0,62})$', maxLength: 80 });

export const MergePicks = Type.Record(FieldName, OneOf(MERGE_SIDES), {
  description: "Which contact's value to keep, per single-valued or custom field (`custom.<key>`)",
});
export type MergePicks = Static<typeof MergePicks>;

export const MergeField = Type.Object({
  field: Type.String(),
  label: Type.String(),
  kind: OneOf(FIELD_KINDS),
  survivorValue: Type.Unknown(),
  mergedValue: Type.Unknown(),
  pick: OneOf(MERGE_SIDES, { description: 'For lists, the side listed first' }),
  reason: OneOf(PICK_REASONS),
});
export type MergeField = Static<typeof MergeField>;

export const MergePreview = Type.Object({
  survivor: Contact,
  merged: Contact,
  fields: Type.Array(MergeField),
  result: Contact,
});
export type MergePreview = Static<typeof MergePreview>;

export const MergePreviewQuery = Type.Object({ survivorId: Uuid, mergedId: Uuid }, { additionalProperties: false });

export const MergeRequest = Type.Object(
  {
    survivorId: Uuid,
    mergedId: Uuid,
    picks: Type.Optional(MergePicks),
    duplicateId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type MergeRequest = Static<typeof MergeRequest>;

const NullableId = Type.Union([Type.String(), Type.Null()]);

export const ContactMerge = Type.Object({
  id: Type.String(),
  survivorId: Type.String(),
  mergedId: Type.String(),
  mergedName: Type.String(),
  picks: Type.Record(Type.String(), OneOf(MERGE_SIDES)),
  moved: Type.Object({ activities: Type.Integer(), conversations: Type.Integer(), identities: Type.Integer() }),
  mergedBy: NullableId,
  mergedAt: DateTime,
  unmergedBy: NullableId,
  unmergedAt: Type.Union([DateTime, Type.Null()]),
});
export type ContactMerge = Static<typeof ContactMerge>;

export const ContactMergeList = Type.Object({ data: Type.Array(ContactMerge) });

export const UnmergeResult = Type.Object({
  ...ContactMerge.properties,
  notRestored: Type.Array(Type.String(), { description: "The survivor's fields edited since the merge, kept as they are" }),
});
export type UnmergeResult = Static<typeof UnmergeResult>;
