/** Canned responses: named reply templates an agent inserts by shortcut. */
import { Type, type Static } from 'typebox';
import { DateTime, PageQuery, Uuid } from '../platform/http/schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Shortcut = Type.String({
  pattern: '^[a-z0-9][a-z0-9_-]{0,39}$',
  patternReason: 'must start with a lower-case letter or digit and hold only lower-case letters, digits, _ and - (at most 40 characters)',
  description: 'Lower-case letters, digits, - and _; up to 40 characters',
});
const Body = Type.String({ minLength: 1, maxLength: 20_000, description: 'Text with variables such as {{contact.firstName}}' });

export const CannedResponseInput = Type.Object({ name: Name, shortcut: Shortcut, body: Body }, { additionalProperties: false });
export type CannedResponseInput = Static<typeof CannedResponseInput>;

export const CannedResponsePatch = Type.Object(
  { name: Type.Optional(Name), shortcut: Type.Optional(Shortcut), body: Type.Optional(Body) },
  { additionalProperties: false },
);
export type CannedResponsePatch = Static<typeof CannedResponsePatch>;

export const CannedResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortcut: Type.String(),
  body: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export interface CannedResponse {
  id: string;
  name: string;
  shortcut: string;
  body: string;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const CannedResponseListQuery = Type.Object(
  { ...PageQuery, q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Part of the name or shortcut' })) },
  { additionalProperties: false },
);
export type CannedResponseListQuery = Static<typeof CannedResponseListQuery>;

export const RenderInput = Type.Object({ conversationId: Uuid }, { additionalProperties: false });
export const Rendered = Type.Object({ text: Type.String() });
