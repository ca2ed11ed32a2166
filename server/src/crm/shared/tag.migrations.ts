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
];
