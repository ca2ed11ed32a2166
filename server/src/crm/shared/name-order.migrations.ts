/** Name order by ICU's root locale for contacts, companies and tagged contact lists (see platform/db/name-order.ts). */
import type { Migration } from '../../platform/db/migrate.js';

export const nameOrderMigrations: Migration[] = [
  {
    // Names were sorted by the database's collation: by code point in PGlite (C) and in a
    // PostgreSQL created in C or C.UTF-8, so "Éclair SA" came after "Wayne". The keys are now
    // lower-cased and compared by ICU; the indexes are rebuilt on them (same names, so the plans
    // read as before), and contact_tags' copy of the key is recomputed and compared so too.
    id: 'crm/083-name-order-by-icu',
    sql: `
DROP INDEX contacts_name;
CREATE INDEX contacts_name ON contacts (workspace_id, lower(display_name COLLATE "und-x-icu"), id);
DROP INDEX companies_name;
CREATE INDEX companies_name ON companies (workspace_id, lower(name COLLATE "und-x-icu"), id);

CREATE OR REPLACE FUNCTION contact_tags_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM contact_tags
     WHERE workspace_id = OLD.workspace_id AND tag = ANY (tag_keys(OLD.tags)) AND created_at = OLD.created_at AND contact_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO contact_tags (workspace_id, tag, contact_id, created_at, name_key)
    SELECT DISTINCT NEW.workspace_id, t.tag, NEW.id, NEW.created_at, lower(NEW.display_name COLLATE "und-x-icu")
      FROM unnest(tag_keys(NEW.tags)) AS t(tag)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER contact_tags_on_update ON contacts;
CREATE TRIGGER contact_tags_on_update AFTER UPDATE ON contacts FOR EACH ROW
  WHEN (OLD.tags IS DISTINCT FROM NEW.tags OR OLD.created_at IS DISTINCT FROM NEW.created_at
        OR lower(OLD.display_name COLLATE "und-x-icu") IS DISTINCT FROM lower(NEW.display_name COLLATE "und-x-icu"))
  EXECUTE FUNCTION contact_tags_sync();

UPDATE contact_tags t SET name_key = lower(c.display_name COLLATE "und-x-icu")
  FROM contacts c
 WHERE c.workspace_id = t.workspace_id AND c.id = t.contact_id AND t.name_key <> lower(c.display_name COLLATE "und-x-icu");
-- Rebuilds contact_tags_name, whose order is now ICU's.
ALTER TABLE contact_tags ALTER COLUMN name_key TYPE text COLLATE "und-x-icu";
`,
  },
];
