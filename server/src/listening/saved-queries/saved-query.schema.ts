/** Saved listening queries: a name, the query text and the group (kind) it belongs to. */
import { Type, type Static } from 'typebox';
import { DateTime, OneOf, PageQuery } from '../../platform/http/schemas.js';

export const QUERY_KINDS = ['brand', 'competitor', 'campaign', 'product', 'other'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

const Name = Type.String({ minLength: 1, maxLength: 200 });
/** The parser enforces its own, tighter limits with a position and a reason; this only bounds the body. */
const QueryText = Type.String({ minLength: 1, maxLength: 10_000, description: 'A query in the listening query language' });
const Kind = OneOf(QUERY_KINDS, { description: 'The group: brand, competitor, campaign, product or other' });

export const SavedQueryInput = Type.Object(
  { name: Name, query: QueryText, kind: Kind, isActive: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type SavedQueryInput = Static<typeof SavedQueryInput>;

export const SavedQueryPatch = Type.Object(
  { name: Type.Optional(Name), query: Type.Optional(QueryText), kind: Type.Optional(Kind), isActive: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type SavedQueryPatch = Static<typeof SavedQueryPatch>;

const Warning = Type.Object({ code: Type.String(), message: Type.String(), position: Type.Integer(), length: Type.Integer() });

export const SavedQuery = Type.Object({
  id: Type.String(),
  name: Type.String(),
  query: Type.String(),
  kind: Kind,
  isActive: Type.Boolean(),
  backfilledAt: Type.Union([DateTime, Type.Null()]),
  warnings: Type.Array(Warning),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export interface SavedQueryRow {
  id: string;
  name: string;
  query: string;
  kind: QueryKind;
  isActive: boolean;
  backfilledAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const SavedQueryListQuery = Type.Object(
  { ...PageQuery, kind: Type.Optional(Kind), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type SavedQueryListQuery = Static<typeof SavedQueryListQuery>;

export const QueryCheckInput = Type.Object({ query: Type.String({ maxLength: 20_000 }) }, { additionalProperties: false });

const Token = Type.Object({ kind: Type.String(), start: Type.Integer(), end: Type.Integer() });
export const QueryCheckResult = Type.Object({
  ok: Type.Boolean(),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String(), position: Type.Integer(), length: Type.Integer() })),
  warnings: Type.Array(Warning),
  tokens: Type.Array(Token, { description: 'Lexical tokens for syntax highlighting' }),
});
