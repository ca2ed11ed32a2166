/** Companies: the organisations contacts belong to. */
import type { Migration } from '../../platform/db/migrate.js';

export const companyMigrations: Migration[] = [
  {
    id: 'crm/005-companies',
    sql: `
CREATE TABLE companies (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL,
  domains text[] NOT NULL DEFAULT '{}',
  industry text NOT NULL DEFAULT '',
  size text NOT NULL DEFAULT '',
  owner_id uuid,
  team_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  custom jsonb NOT NULL DEFAULT '{}',
  search_text text NOT NULL DEFAULT '',
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX companies_name ON companies (workspace_id, lower(name), id);
CREATE INDEX companies_created ON companies (workspace_id, created_at, id);
CREATE INDEX companies_domains ON companies USING gin (domains);
CREATE INDEX companies_tags ON companies USING gin (tags);
CREATE INDEX companies_fts ON companies USING gin (search_vector);
CREATE INDEX companies_trgm ON companies USING gin (search_text gin_trgm_ops);
`,
  },
  {
    // Sorting by last change, and the owner/team/industry filters of the company list.
    id: 'crm/006-company-list-indexes',
    sql: `
CREATE INDEX companies_updated ON companies (workspace_id, updated_at, id);
CREATE INDEX companies_owner ON companies (workspace_id, owner_id);
CREATE INDEX companies_team ON companies (workspace_id, team_id) WHERE team_id IS NOT NULL;
CREATE INDEX companies_industry ON companies (workspace_id, lower(industry));
`,
  },
  {
    // Short pending lists for the GIN indexes, for the reason given at crm/012 (contacts).
    id: 'crm/007-company-search-pending-lists',
    sql: `
ALTER INDEX companies_fts SET (gin_pending_list_limit = 256);
ALTER INDEX companies_trgm SET (gin_pending_list_limit = 256);
ALTER INDEX companies_tags SET (gin_pending_list_limit = 256);
ALTER INDEX companies_domains SET (gin_pending_list_limit = 256);
`,
  },
  {
    // Search text as words, for the reason given at crm/014 (contacts): domains split at their dots.
    id: 'crm/008-company-search-words',
    sql: `
UPDATE companies SET search_text = btrim(regexp_replace(search_text, '[[:punct:][:space:]]+', ' ', 'g'))
 WHERE search_text ~ '[[:punct:]]';
`,
  },
];
