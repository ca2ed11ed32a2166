/** The relationship domain's tables: each workspace's scoring settings and every contact's scores. */
import type { Migration } from '../platform/db/migrate.js';
import { queueRescoreOfScoredWorkspaces } from './score.queue.js';

export const relationshipMigrations: Migration[] = [
  {
    id: 'relationship/001-scores',
    sql: `
-- One row per workspace that changed the defaults; a workspace without one scores with the defaults.
CREATE TABLE relationship_settings (
  workspace_id uuid NOT NULL PRIMARY KEY,
  -- { recency, frequency, monetary, engagement, influence }: relative weights of the value components.
  weights jsonb NOT NULL,
  -- The numeric contact custom field whose percentile is the monetary component; null leaves it out.
  monetary_field text,
  -- [{ name, minScore }], highest first; the last one starts at 0 and catches everyone else.
  tiers jsonb NOT NULL,
  -- Days without any interaction after which health counts the relationship as gone quiet.
  quiet_days int NOT NULL CHECK (quiet_days BETWEEN 1 AND 3650),
  updated_at timestamptz(3) NOT NULL
);

CREATE TABLE contact_scores (
  workspace_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  value_score smallint NOT NULL CHECK (value_score BETWEEN 0 AND 100),
  tier text NOT NULL,
  health smallint NOT NULL CHECK (health BETWEEN 0 AND 100),
  -- [{ code, text, effect }]: why health moved away from neutral, shown to users.
  health_reasons jsonb NOT NULL DEFAULT '[]',
  -- The value components (0-100 each, monetary null when not used) the score was made of.
  components jsonb NOT NULL,
  computed_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, contact_id),
  CONSTRAINT contact_scores_contact FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
);
`,
  },
  {
    id: 'relationship/002-tier-limits',
    // Where money weighs in the score, a tier above the lowest needs a monetary value or the stage
    // customer or advocate (scoring.ts, tierLimit). Scored workspaces are rescored straight after the
    // upgrade, so a lead ranked gold by activity alone does not stay gold until the night.
    sql: `
-- { code, text }: why the contact is held in the lowest tier whatever its value score; null when it is not.
ALTER TABLE contact_scores ADD COLUMN tier_limit jsonb;
`,
    backfill: queueRescoreOfScoredWorkspaces,
  },
];
