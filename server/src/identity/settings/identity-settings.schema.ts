/**
 * How a workspace wants identities resolved: which custom fields hold an identifier unique to a
 * person (customer number, membership or national id), and whether e-mail senders nobody knows
 * become contacts.
 */
import { Type, type Static } from 'typebox';
import type { Migration } from '../../platform/db/migrate.js';
import { DateTime } from '../../platform/http/schemas.js';

export const identitySettingsMigrations: Migration[] = [
  {
    id: 'identity/003-settings',
    sql: `
CREATE TABLE identity_settings (
  workspace_id uuid PRIMARY KEY,
  identifier_fields text[] NOT NULL DEFAULT '{}',
  create_contacts_from_email boolean NOT NULL DEFAULT true,
  updated_at timestamptz(3) NOT NULL
);
`,
  },
];

const CustomFieldKey = Type.String({
  pattern: '^[a-z][a-z0-9_]{0,62}$',
  patternReason: 'must start with a lower-case letter and hold only lower-case letters, digits and _ (at most 63 characters)',
});

export const IdentitySettingsInput = Type.Object(
  {
    identifierFields: Type.Array(CustomFieldKey, {
      maxItems: 5,
      uniqueItems: true,
      description: 'Keys of contact custom fields whose value identifies one person (customer number, national id)',
    }),
    createContactsFromEmail: Type.Boolean({ description: 'A message from an unknown personal e-mail address creates a contact' }),
  },
  { additionalProperties: false },
);
export type IdentitySettingsInput = Static<typeof IdentitySettingsInput>;

export const IdentitySettings = Type.Object({
  identifierFields: Type.Array(Type.String()),
  createContactsFromEmail: Type.Boolean(),
  updatedAt: Type.Union([DateTime, Type.Null()]),
});
export interface IdentitySettings {
  identifierFields: string[];
  createContactsFromEmail: boolean;
  updatedAt: Date | null;
}

export const DEFAULT_IDENTITY_SETTINGS: IdentitySettings = { identifierFields: [], createContactsFromEmail: true, updatedAt: null };
