/** Identities linked to a contact, and the identity picker: API schemas and types. */
import { Type, type Static } from 'typebox';
import { DateTime, OneOf, Page, PageQuery, Uuid } from '../../platform/http/schemas.js';
import type { Evidence } from '../matching/index.js';

export const LINK_METHODS = ['rule', 'score', 'manual'] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];
export const LINK_RULES = ['email', 'profile-url', 'handle', 'created-from-email'] as const;
export type LinkRule = (typeof LINK_RULES)[number];

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const LinkEvidence = Type.Object({ field: Type.String(), level: Type.String(), weight: Type.Number() });

export const LinkDecisionView = Type.Object({
  method: OneOf(LINK_METHODS),
  rule: Type.Union([OneOf(LINK_RULES), Type.Null()]),
  probability: Type.Union([Type.Number(), Type.Null()]),
  evidence: Type.Array(LinkEvidence),
  decidedBy: Type.Union([Type.String(), Type.Null()], { description: 'The member who linked it; null when Rapport did' }),
  linkedAt: DateTime,
});

const identityFields = {
  id: Type.String(),
  network: Type.String(),
  handle: Type.Union([Type.String(), Type.Null()], { description: 'Null when the network names the person by a numeric id only' }),
  displayName: Type.Union([Type.String(), Type.Null()], { description: 'Null when the network names the person by a numeric id only' }),
  profileUrl: NullableString,
  avatarUrl: NullableString,
  email: NullableString,
  followers: Type.Union([Type.Integer(), Type.Null()]),
};

export const LinkedIdentity = Type.Object({
  ...identityFields,
  link: Type.Union([LinkDecisionView, Type.Null()], { description: 'The decision that linked it, with its evidence' }),
});
export interface LinkedIdentity {
  id: string;
  network: string;
  handle: string | null;
  displayName: string | null;
  profileUrl: string | null;
  avatarUrl: string | null;
  email: string | null;
  followers: number | null;
  link: {
    method: LinkMethod;
    rule: LinkRule | null;
    probability: number | null;
    evidence: Evidence[];
    decidedBy: string | null;
    linkedAt: Date;
  } | null;
}

export const LinkedIdentities = Type.Object({ data: Type.Array(LinkedIdentity) });

export const LinkIdentityInput = Type.Object({ identityId: Uuid }, { additionalProperties: false });
export type LinkIdentityInput = Static<typeof LinkIdentityInput>;

export const ContactIdentityParams = Type.Object({ id: Uuid, identityId: Uuid });

export const IdentitySummary = Type.Object({
  ...identityFields,
  contactId: NullableString,
  contactName: Type.Union([Type.String(), Type.Null()], { description: 'Null when unlinked or the contact is not yours to see' }),
});
export type IdentitySummary = Static<typeof IdentitySummary>;

export const IdentityListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Part of the handle, name or e-mail' })),
    linked: Type.Optional(Type.Boolean({ description: 'true: only linked identities; false: only unlinked' })),
    network: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  },
  { additionalProperties: false },
);
export type IdentityListQuery = Static<typeof IdentityListQuery>;

export const IdentityPage = Page(IdentitySummary);

export const IdentityContact = Type.Object({
  contact: Type.Object({ id: Uuid, displayName: Type.String() }),
  created: Type.Boolean({ description: 'False when the identity was linked to this contact already' }),
});
