/** Indexes the reminders need on tables other parts of the CRM own. */
import type { Migration } from '../../platform/db/migrate.js';

export const reminderMigrations: Migration[] = [
  {
    // Few contacts have important dates; My day and the hourly sweep read only those.
    id: 'crm/030-contacts-with-dates',
    sql: `CREATE INDEX contacts_with_dates ON contacts (workspace_id, owner_id) WHERE important_dates <> '[]'::jsonb`,
  },
];
