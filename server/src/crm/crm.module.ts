/** The CRM domain: contacts, companies, activities, tasks, custom fields, segments, reminders. */
import type { DomainModule } from '../platform/module.js';
import { customFieldMigrations } from './custom-fields/custom-field.schema.js';
import { customFieldRoutes } from './custom-fields/custom-field.routes.js';
import { companyMigrations } from './companies/company.migrations.js';
import { contactMigrations } from './contacts/contact.schema.js';
import { contactRoutes } from './contacts/contact.routes.js';

export const crmModule: DomainModule = {
  name: 'crm',
  migrations: [...customFieldMigrations, ...companyMigrations, ...contactMigrations],
  routes(app, deps) {
    customFieldRoutes(app, deps);
    contactRoutes(app, deps);
  },
};
