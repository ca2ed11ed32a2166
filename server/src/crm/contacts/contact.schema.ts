/** Contacts: the people a workspace has a relationship with. Tables, types and API schemas. */
import { Type, type Static } from 'typebox';
import type { Migration } from '../../platform/db/migrate.js';
import { DateOnly, DateTime, Nullable, Uuid, OneOf } from '../../platform/http/schemas.js';
import { SingleLine } from '../shared/single-line.js';

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'advocate', 'churned', 'other'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const contactMigrations: Migration[] = [
  {
    id: 'crm/010-contacts',
    sql: `
CREATE TABLE contacts (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  first_name text NOT NULL DEFAULT '',
  last_name text NOT NULL DEFAULT '',
  display_name text NOT NULL,
  title text NOT NULL DEFAULT '',
  emails jsonb NOT NULL DEFAULT '[]',
  phones jsonb NOT NULL DEFAULT '[]',
  social_handles jsonb NOT NULL DEFAULT '[]',
  company_id uuid,
  owner_id uuid,
  team_id uuid,
  lifecycle_stage text NOT NULL DEFAULT 'lead',
  tags text[] NOT NULL DEFAULT '{}',
  custom jsonb NOT NULL DEFAULT '{}',
  important_dates jsonb NOT NULL DEFAULT '[]',
  search_text text NOT NULL DEFAULT '',
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX contacts_name ON contacts (workspace_id, lower(display_name), id);
CREATE INDEX contacts_created ON contacts (workspace_id, created_at, id);
CREATE INDEX contacts_updated ON contacts (workspace_id, updated_at, id);
CREATE INDEX contacts_company ON contacts (workspace_id, company_id) WHERE company_id IS NOT NULL;
CREATE INDEX contacts_owner ON contacts (workspace_id, owner_id);
CREATE INDEX contacts_stage ON contacts (workspace_id, lifecycle_stage);
CREATE INDEX contacts_tags ON contacts USING gin (tags);
CREATE INDEX contacts_emails ON contacts USING gin (emails jsonb_path_ops);
CREATE INDEX contacts_fts ON contacts USING gin (search_vector);
CREATE INDEX contacts_trgm ON contacts USING gin (search_text gin_trgm_ops);
`,
  },
  {
    id: 'crm/011-contact-address',
    sql: `ALTER TABLE contacts ADD COLUMN address jsonb;`,
  },
  {
    // A GIN index buffers new entries in a pending list (4 MB by default) that every search scans
    // linearly until a vacuum or an overflowing insert merges it: after 14,000 API creates a name
    // search took 3.9 ms instead of 0.56. 256 kB keeps that scan short for about 9 % of insert rate.
    id: 'crm/012-contact-search-pending-lists',
    sql: `
ALTER INDEX contacts_fts SET (gin_pending_list_limit = 256);
ALTER INDEX contacts_trgm SET (gin_pending_list_limit = 256);
ALTER INDEX contacts_tags SET (gin_pending_list_limit = 256);
ALTER INDEX contacts_emails SET (gin_pending_list_limit = 256);
`,
  },
  {
    // A tag's contacts in list order. The GIN index on tags finds a tag's contacts but not in any
    // order: a tagged list either sorted all of a tag's contacts or walked every contact in order
    // testing its tags (about 600 rows for a page of 50 at 100,000 contacts, more the rarer the
    // tag), and which was cheaper depended on the tag, so it was planned again on every call. Here
    // a page is the next 51 entries of one index. Kept by triggers, so every writer (API, import,
    // merge, restore) keeps it whole; derived, so backups leave it out and restores rebuild it.
    id: 'crm/013-contact-tags',
    sql: `
CREATE TABLE contact_tags (
  workspace_id uuid NOT NULL,
  tag text NOT NULL,
  contact_id uuid NOT NULL,
  created_at timestamptz(3) NOT NULL,
  name_key text NOT NULL,
  PRIMARY KEY (workspace_id, tag, created_at, contact_id)
);
CREATE INDEX contact_tags_name ON contact_tags (workspace_id, tag, name_key, contact_id);
COMMENT ON TABLE contact_tags IS 'derived: rebuilt from contacts.tags by triggers';

INSERT INTO contact_tags (workspace_id, tag, contact_id, created_at, name_key)
SELECT DISTINCT c.workspace_id, t.tag, c.id, c.created_at, lower(c.display_name)
  FROM contacts c CROSS JOIN LATERAL unnest(c.tags) AS t(tag);

CREATE FUNCTION contact_tags_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM contact_tags
     WHERE workspace_id = OLD.workspace_id AND tag = ANY (OLD.tags) AND created_at = OLD.created_at AND contact_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO contact_tags (workspace_id, tag, contact_id, created_at, name_key)
    SELECT DISTINCT NEW.workspace_id, t.tag, NEW.id, NEW.created_at, lower(NEW.display_name) FROM unnest(NEW.tags) AS t(tag)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- Per row, and only where the table changes, tested before the function is called: an untagged
-- contact's insert pays nothing (a statement trigger cost every insert 25-90 µs, and per row a bulk
-- insert of 1,000 contacts was no slower: 57-58 ms against 59-62).
CREATE TRIGGER contact_tags_on_insert AFTER INSERT ON contacts FOR EACH ROW
  WHEN (cardinality(NEW.tags) > 0) EXECUTE FUNCTION contact_tags_sync();
CREATE TRIGGER contact_tags_on_update AFTER UPDATE ON contacts FOR EACH ROW
  WHEN (OLD.tags IS DISTINCT FROM NEW.tags OR OLD.created_at IS DISTINCT FROM NEW.created_at
        OR lower(OLD.display_name) IS DISTINCT FROM lower(NEW.display_name))
  EXECUTE FUNCTION contact_tags_sync();
CREATE TRIGGER contact_tags_on_delete AFTER DELETE ON contacts FOR EACH ROW
  WHEN (cardinality(OLD.tags) > 0) EXECUTE FUNCTION contact_tags_sync();
`,
  },
  {
    // Search text as words, as \`searchText\` now writes it (see there why): addresses, handles and
    // phone numbers split at their punctuation. ASCII punctuation in any locale; whatever other
    // punctuation an older row holds the full-text parser already treats as a separator.
    id: 'crm/014-contact-search-words',
    sql: `
UPDATE contacts SET search_text = btrim(regexp_replace(search_text, '[[:punct:][:space:]]+', ' ', 'g'))
 WHERE search_text ~ '[[:punct:]]';
`,
  },
  {
    // Phone numbers searchable as digits (\`phoneSearchForms\` says which): a number pasted from
    // caller ID (4155550100, +14155550100) found nothing, as only its written parts were words.
    id: 'crm/015-contact-phone-digits',
    sql: `
UPDATE contacts c SET search_text = left(btrim(c.search_text || ' ' || forms.words), 4000)
  FROM (
    SELECT k.workspace_id, k.id, string_agg(f.word, ' ') AS words
      FROM contacts k
      CROSS JOIN LATERAL jsonb_array_elements(k.phones) AS p(phone)
      CROSS JOIN LATERAL (SELECT regexp_match(p.phone->>'number', '^\\s*(?:\\+|00)(\\d{1,3})\\D+(.*)$') AS parts) m
      CROSS JOIN LATERAL (
        SELECT regexp_replace(p.phone->>'number', '\\D', '', 'g') AS digits, m.parts[1] AS country,
               NULLIF(ltrim(regexp_replace(m.parts[2], '\\D', '', 'g'), '0'), '') AS national
      ) n
      CROSS JOIN LATERAL unnest(ARRAY[n.digits, n.country || n.national, n.national, '0' || n.national]) AS f(word)
     WHERE jsonb_typeof(k.phones) = 'array' AND jsonb_array_length(k.phones) > 0 AND f.word <> ''
     GROUP BY k.workspace_id, k.id
  ) forms
 WHERE c.workspace_id = forms.workspace_id AND c.id = forms.id;
`,
  },
];

export const EmailAddress = Type.Object(
  {
    address: Type.String({ format: 'email', maxLength: 320 }),
    label: Type.Optional(SingleLine({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

export const PhoneNumber = Type.Object(
  {
    number: Type.String({
      minLength: 3,
      maxLength: 40,
      pattern: '^[+0-9 ().\\-/xX#*]+$',
      patternReason: 'must be a phone number: digits, spaces and + ( ) . - / x # *',
    }),
    label: Type.Optional(SingleLine({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

export const SocialHandle = Type.Object(
  {
    network: SingleLine({ minLength: 1, maxLength: 40, description: 'e.g. mastodon, bluesky, x, linkedin, instagram' }),
    handle: SingleLine({ minLength: 1, maxLength: 200 }),
    url: Type.Optional(
      Type.String({ format: 'uri', maxLength: 2000, pattern: '^https?://', patternReason: 'must start with http:// or https://' }),
    ),
  },
  { additionalProperties: false },
);

export const ImportantDate = Type.Object(
  {
    kind: Type.Union([Type.Literal('birthday'), Type.Literal('anniversary'), Type.Literal('renewal'), Type.Literal('custom')]),
    date: DateOnly,
    label: Type.Optional(SingleLine({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

const AddressLine = SingleLine({ maxLength: 200 });

/** One postal address: what a CRM prints on a letter, and what identity resolution compares. */
export const PostalAddress = Type.Object(
  {
    streetNumber: Type.Optional(SingleLine({ maxLength: 20 })),
    street: Type.Optional(AddressLine),
    line2: Type.Optional(SingleLine({ maxLength: 200, description: 'Building, suite or area' })),
    locality: Type.Optional(SingleLine({ maxLength: 100, description: 'City or town' })),
    region: Type.Optional(SingleLine({ maxLength: 100, description: 'State, province or county' })),
    postcode: Type.Optional(SingleLine({ maxLength: 20 })),
    country: Type.Optional(SingleLine({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type PostalAddress = Static<typeof PostalAddress>;
export const ADDRESS_PARTS = ['streetNumber', 'street', 'line2', 'locality', 'region', 'postcode', 'country'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

export const CustomValues = Type.Record(
  Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }),
  Type.Union([
    Type.String({ maxLength: 10000 }),
    Type.Number(),
    Type.Boolean(),
    Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }),
    Type.Null(),
  ]),
);

const Stage = OneOf(LIFECYCLE_STAGES);

const editable = {
  firstName: SingleLine({ maxLength: 200 }),
  lastName: SingleLine({ maxLength: 200 }),
  title: SingleLine({ maxLength: 200 }),
  emails: Type.Array(EmailAddress, { maxItems: 20 }),
  phones: Type.Array(PhoneNumber, { maxItems: 20 }),
  socialHandles: Type.Array(SocialHandle, { maxItems: 50 }),
  companyId: Type.Union([Uuid, Type.Null()]),
  ownerId: Type.Union([Uuid, Type.Null()]),
  teamId: Type.Union([Uuid, Type.Null()]),
  lifecycleStage: Stage,
  tags: Type.Array(SingleLine({ minLength: 1, maxLength: 60 }), { maxItems: 100 }),
  custom: CustomValues,
  importantDates: Type.Array(ImportantDate, { maxItems: 50 }),
  address: Type.Union([PostalAddress, Type.Null()]),
};

export const ContactInput = Type.Object(
  Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, Type.Optional(v)])) as {
    [K in keyof typeof editable]: ReturnType<typeof Type.Optional<(typeof editable)[K]>>;
  },
  { additionalProperties: false },
);
export type ContactInput = Static<typeof ContactInput>;

export const Contact = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  title: Type.String(),
  emails: Type.Array(Type.Object({ address: Type.String(), label: Type.Optional(Type.String()) })),
  phones: Type.Array(Type.Object({ number: Type.String(), label: Type.Optional(Type.String()) })),
  socialHandles: Type.Array(Type.Object({ network: Type.String(), handle: Type.String(), url: Type.Optional(Type.String()) })),
  companyId: Nullable(Type.String()),
  companyName: Nullable(Type.String()),
  ownerId: Nullable(Type.String()),
  teamId: Nullable(Type.String()),
  lifecycleStage: Type.String(),
  tags: Type.Array(Type.String()),
  custom: Type.Record(Type.String(), Type.Unknown()),
  importantDates: Type.Array(Type.Object({ kind: Type.String(), date: Type.String(), label: Type.Optional(Type.String()) })),
  address: Nullable(PostalAddress),
  tier: Nullable(Type.String({ description: 'Value tier (relationship scores); null until scored' })),
  health: Nullable(Type.Integer({ minimum: 0, maximum: 100, description: 'Relationship health 0-100; null until scored' })),
  healthReasons: Nullable(
    Type.Array(Type.Object({ code: Type.String(), text: Type.String(), effect: Type.Number() }), {
      maxItems: 3,
      description: 'The (at most three) strongest reasons that moved health from neutral, with their points; null until scored',
    }),
  ),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type Contact = Static<typeof Contact>;

export const CONTACT_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export const ContactListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    // A name's cursor holds the name: 401 letters of up to four bytes each, in base64.
    cursor: Type.Optional(Type.String({ maxLength: 3000 })),
    sort: Type.Optional(OneOf(CONTACT_SORTS)),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Full-text and typo-tolerant search' })),
    stage: Type.Optional(Type.Array(Stage, { maxItems: 10 })),
    tag: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
    ownerId: Type.Optional(Uuid),
    teamId: Type.Optional(Uuid),
    companyId: Type.Optional(Uuid),
    createdAfter: Type.Optional(DateTime),
    createdBefore: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);
export type ContactListQuery = Static<typeof ContactListQuery>;
