/** The timeline: notes, calls, meetings, e-mails, tasks and system entries, all in one table. */
import type { Migration } from '../../platform/db/migrate.js';

export const activityMigrations: Migration[] = [
  {
    id: 'crm/020-activities',
    sql: `
CREATE TABLE activities (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('note', 'task', 'call', 'meeting', 'email', 'system')),
  contact_id uuid,
  company_id uuid,
  subject text NOT NULL DEFAULT '',
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 100000),
  occurred_at timestamptz(3) NOT NULL,
  duration_minutes int CHECK (duration_minutes >= 0),
  direction text CHECK (direction IN ('in', 'out')),
  author_id uuid,
  due_at timestamptz(3),
  assignee_id uuid,
  done_at timestamptz(3),
  reminded_at timestamptz(3),
  system_event text,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL,
  updated_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, id),
  -- A task may be a personal to-do; every other entry is about a contact, a company or both.
  CONSTRAINT activities_subject CHECK (type = 'task' OR contact_id IS NOT NULL OR company_id IS NOT NULL),
  -- A contact's timeline goes with the contact (erasure); a deleted company only drops out of the
  -- entries that also name a contact (the company service deletes the ones about it alone).
  CONSTRAINT activities_contact FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE,
  CONSTRAINT activities_company FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id)
    ON DELETE SET NULL (company_id)
);
CREATE INDEX activities_contact_timeline ON activities (workspace_id, contact_id, occurred_at DESC, id DESC);
CREATE INDEX activities_company_timeline ON activities (workspace_id, company_id, occurred_at DESC, id DESC);
CREATE INDEX activities_feed ON activities (workspace_id, occurred_at DESC, id DESC);
CREATE INDEX activities_open_tasks ON activities (workspace_id, assignee_id, due_at) WHERE type = 'task' AND done_at IS NULL;
-- The reminder sweep looks across workspaces for tasks that fell due, like jobs_due does for jobs.
CREATE INDEX activities_due_reminders ON activities (due_at)
  WHERE type = 'task' AND done_at IS NULL AND reminded_at IS NULL AND due_at IS NOT NULL;
-- One system entry per domain event, however often the event is delivered.
CREATE UNIQUE INDEX activities_system_event ON activities (workspace_id, (data->>'eventId')) WHERE type = 'system';
`,
  },
  {
    id: 'crm/021-activity-event-ids',
    // A system entry names the event it came from (data.eventId, which writes it once). Saying so in
    // the schema lets a restore that numbers the events anew rewrite it too (platform/backup).
    sql: `COMMENT ON COLUMN activities.data IS 'refers: eventId -> events.id (system entries: the event each came from)';`,
  },
  {
    id: 'crm/082-stage-change-subjects-in-words',
    // Entries written before stages were named as people read them said "from lead to customer";
    // every stage is one word, so its capitalised form is its name ("Lead").
    sql: `
UPDATE activities
   SET subject = 'Lifecycle stage changed from ' || initcap(data #>> '{before,lifecycleStage}')
              || ' to ' || initcap(data #>> '{after,lifecycleStage}')
 WHERE type = 'system' AND system_event = 'contact.stage_changed'
   AND data #>> '{before,lifecycleStage}' IS NOT NULL AND data #>> '{after,lifecycleStage}' IS NOT NULL;
`,
  },
];
