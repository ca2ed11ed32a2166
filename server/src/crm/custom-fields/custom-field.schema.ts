/** Custom fields: typed fields a workspace defines for its contacts and companies. */
import { Type, type Static } from 'typebox';
import type { Migration } from '../../platform/db/migrate.js';
import { DateTime, OneOf } from '../../platform/http/schemas.js';

export const FIELD_TYPES = ['text', 'number', 'date', 'select', 'multi_select', 'boolean', 'url'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const FIELD_ENTITIES = ['contact', 'company'] as const;
export type FieldEntity = (typeof FIELD_ENTITIES)[number];

export const customFieldMigrations: Migration[] = [
  {
    id: 'crm/001-custom-fields',
    sql: `
CREATE TABLE custom_fields (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  entity text NOT NULL CHECK (entity IN ('contact', 'company')),
  key text NOT NULL,
  label text NOT NULL,
  type text NOT NULL,
  options text[] NOT NULL DEFAULT '{}',
  required boolean NOT NULL DEFAULT false,
  position int NOT NULL DEFAULT 0,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, entity, key)
);
`,
  },
];

export const CustomFieldInput = Type.Object(
  {
    entity: OneOf(FIELD_ENTITIES),
    key: Type.String({
      pattern: '^[a-z][a-z0-9_]{0,62}$',
      patternReason: 'must start with a lower-case letter and hold only lower-case letters, digits and _ (at most 63 characters)',
      description: 'Stable machine name, e.g. shoe_size',
    }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    type: OneOf(FIELD_TYPES),
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 })),
    required: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false },
);
export type CustomFieldInput = Static<typeof CustomFieldInput>;

export const CustomFieldPatch = Type.Object(
  {
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 })),
    required: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CustomFieldPatch = Static<typeof CustomFieldPatch>;

export const CustomField = Type.Object({
  id: Type.String(),
  entity: Type.String(),
  key: Type.String(),
  label: Type.String(),
  type: Type.String(),
  options: Type.Array(Type.String()),
  required: Type.Boolean(),
  position: Type.Integer(),
  createdAt: DateTime,
});
export interface CustomField {
  id: string;
  entity: FieldEntity;
  key: string;
  label: string;
  type: FieldType;
  options: string[];
  required: boolean;
  position: number;
  createdAt: Date;
}
