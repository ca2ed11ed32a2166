/** What a signed-in user may change about themselves: their name and their password. */
import { Type } from 'typebox';

export const AccountView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  otherSessions: Type.Integer({ description: 'Live sessions of yours besides the one asking, in every workspace' }),
});

export const AccountChanges = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const PasswordChange = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 10, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
