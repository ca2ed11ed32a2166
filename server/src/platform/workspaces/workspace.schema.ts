/**
 * What a member and a new workspace are given as: the API's bodies and the `rapport user create` and
 * `rapport workspace create` arguments check the same schemas.
 */
import { Type } from 'typebox';
import { Uuid } from '../http/schemas.js';

export const RoleSchema = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('agent'), Type.Literal('viewer')]);
export const ScopeSchema = Type.Union([Type.Literal('all'), Type.Literal('team'), Type.Literal('own')], {
  description: 'Which contacts and companies the member sees: all, those of their teams, or their own',
});

export const NewMemberBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 10, maxLength: 1024 }),
    role: RoleSchema,
    recordScope: Type.Optional(ScopeSchema),
    teamIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  },
  { additionalProperties: false },
);

export const NewWorkspaceBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200, description: 'Trimmed; not blank' }) },
  { additionalProperties: false },
);
