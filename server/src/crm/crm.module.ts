/** The CRM domain: contacts, companies, activities, tasks, custom fields, segments, reminders. */
import type { DomainModule } from '../platform/module.js';
import { customFieldMigrations } from './custom-fields/custom-field.schema.js';
import { customFieldRoutes } from './custom-fields/custom-field.routes.js';
import { companyMigrations } from './companies/company.migrations.js';
import { contactMigrations } from './contacts/contact.schema.js';
import { contactRoutes } from './contacts/contact.routes.js';
import { companyRoutes } from './companies/company.routes.js';
import { activityMigrations } from './activities/activity.migrations.js';
import { activityRoutes } from './activities/activity.routes.js';
import { subscribeSystemActivities } from './activities/activity.system.js';
import { taskRoutes } from './tasks/task.routes.js';
import { myDayRoutes } from './reminders/my-day.routes.js';
import { reminderJobs } from './reminders/reminder.jobs.js';
import { reminderMigrations } from './reminders/reminder.migrations.js';
import { importMigrations } from './imports/import.schema.js';
import { importRoutes } from './imports/import.routes.js';
import { runImportJob } from './imports/import.job.js';
import { searchRoutes } from './search/search.routes.js';
import { segmentMigrations } from './segments/segment.schema.js';
import { segmentRoutes } from './segments/segment.routes.js';
import { exportRoutes } from './exports/export.routes.js';
import { tagMigrations } from './shared/tag.migrations.js';
import { nameOrderMigrations } from './shared/name-order.migrations.js';

export const crmModule: DomainModule = {
  name: 'crm',
  migrations: [
    ...customFieldMigrations,
    ...companyMigrations,
    ...contactMigrations,
    ...activityMigrations,
    ...reminderMigrations,
    ...segmentMigrations,
    ...importMigrations,
    ...tagMigrations,
    ...nameOrderMigrations,
  ],
  routes(app, deps) {
    customFieldRoutes(app, deps);
    contactRoutes(app, deps);
    companyRoutes(app, deps);
    activityRoutes(app, deps);
    taskRoutes(app, deps);
    myDayRoutes(app, deps);
    importRoutes(app, deps);
    searchRoutes(app, deps);
    segmentRoutes(app, deps);
    exportRoutes(app, deps);
  },
  jobs: [...reminderJobs, runImportJob],
  subscribe(deps) {
    subscribeSystemActivities(deps);
  },
};
