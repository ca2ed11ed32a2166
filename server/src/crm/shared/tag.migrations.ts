/** Case-insensitive tags on contacts and companies (see tags.ts). */
import type { Migration } from '../../platform/db/migrate.js';

export const tagMigrations: Migration[] = [
  {
    // Tags were compared as typed: a filter by "vip" missed contacts tagged "VIP", and records
    // written before writes kept a tag once whatever its case could hold both. Records keep the
    // first spelling of each tag; filters compare lower-cased keys, through an index on the keys
    // (replacing the one on the tags as typed) and, for tagged contact lists, through contact_tags,
    // whose `tag` is now the key.
    id: 'crm/080-case-insensitive-tags',
    sql: `
CREATE FUNCTION tag_keys(tags text[]) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ARRAY(SELECT lower(t) FROM unnest(tags) AS u(t)) $$;

CREATE FUNCTION first_spelling_of_tags(tags text[]) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ARRAY(SELECT d.tag FROM (SELECT DISTINCT ON (lower(u.tag)) u.tag, u.n FROM unnest(tags) WITH ORDINALITY AS u(tag, n)
                                        ORDER BY lower(u.tag), u.n) d ORDER BY d.n) $$;

UPDATE contacts SET tags = first_spelling_of_tags(tags)
 WHERE cardinality(tags) > 1 AND cardinality(ARRAY(SELECT DISTINCT k FROM unnest(tag_keys(tags)) AS u(k))) < cardinality(tags);
UPDATE companies SET tags = first_spelling_of_tags(tags)
 WHERE cardinality(tags) > 1 AND cardinality(ARRAY(SELECT DISTINCT k FROM unnest(tag_keys(tags)) AS u(k))) < cardinality(tags);
DROP FUNCTION first_spelling_of_tags(text[]);

CREATE OR REPLACE FUNCTION contact_tags_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM contact_tags
     WHERE workspace_id = OLD.workspace_id AND tag = ANY (tag_keys(OLD.tags)) AND created_at = OLD.created_at AND contact_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO contact_tags (workspace_id, tag, contact_id, created_at, name_key)
    SELECT DISTINCT NEW.workspace_id, t.tag, NEW.id, NEW.created_at, lower(NEW.display_name) FROM unnest(tag_keys(NEW.tags)) AS t(tag)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
UPDATE contact_tags SET tag = lower(tag) WHERE tag <> lower(tag);
COMMENT ON TABLE contact_tags IS 'derived: rebuilt from contacts.tags by triggers; tag is the lower-cased key';

DROP INDEX contacts_tags;
CREATE INDEX contacts_tag_keys ON contacts USING gin (tag_keys(tags)) WITH (gin_pending_list_limit = 256);
DROP INDEX companies_tags;
CREATE INDEX companies_tag_keys ON companies USING gin (tag_keys(tags)) WITH (gin_pending_list_limit = 256);
`,
  },
  {
    // lower() folds by the database's locale: PGlite and a PostgreSQL in C.UTF-8 fold "Éclair" and
    // "ÄRGER", one in C does not fold them at all, and in any of them "İ" became "i" and a closing
    // "Σ" became "σ", where JavaScript (which dedupes tags before they are written) says "i̇" and
    // "ς". ICU's root locale lower-cases as JavaScript does on every engine; the dot İ leaves
    // behind is dropped in both, so "İstanbul" and "istanbul" are one tag. Records holding two tags
    // that are now one keep the first; the keys in contact_tags and the indexes are rebuilt.
    id: 'crm/081-tag-keys-by-icu',
    sql: `
-- Built-ins only in tag_keys: indexes on it are maintained with search_path set to pg_catalog.
CREATE OR REPLACE FUNCTION tag_keys(tags text[]) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ARRAY(SELECT replace(lower(t COLLATE "und-x-icu"), U&'i\\0307', 'i') FROM unnest(tags) AS u(t)) $$;
CREATE FUNCTION tag_key(tag text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT (tag_keys(ARRAY[tag]))[1] $$;

CREATE FUNCTION first_spelling_of_tags(tags text[]) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ARRAY(SELECT d.tag FROM (SELECT DISTINCT ON (tag_key(u.tag)) u.tag, u.n FROM unnest(tags) WITH ORDINALITY AS u(tag, n)
                                        ORDER BY tag_key(u.tag), u.n) d ORDER BY d.n) $$;
UPDATE contacts SET tags = first_spelling_of_tags(tags)
 WHERE cardinality(tags) > 1 AND cardinality(ARRAY(SELECT DISTINCT k FROM unnest(tag_keys(tags)) AS u(k))) < cardinality(tags);
UPDATE companies SET tags = first_spelling_of_tags(tags)
 WHERE cardinality(tags) > 1 AND cardinality(ARRAY(SELECT DISTINCT k FROM unnest(tag_keys(tags)) AS u(k))) < cardinality(tags);
DROP FUNCTION first_spelling_of_tags(text[]);

DELETE FROM contact_tags;
INSERT INTO contact_tags (workspace_id, tag, contact_id, created_at, name_key)
SELECT DISTINCT c.workspace_id, t.tag, c.id, c.created_at, lower(c.display_name)
  FROM contacts c CROSS JOIN LATERAL unnest(tag_keys(c.tags)) AS t(tag);
REINDEX INDEX contacts_tag_keys;
REINDEX INDEX companies_tag_keys;
`,
  },
];
