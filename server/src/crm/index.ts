/** The CRM domain as other domains see it: contacts and their timeline. */
export { createContact, getContact, updateContact } from './contacts/contact.service.js';
export type { Contact, ContactInput } from './contacts/contact.schema.js';
export { getCompany } from './companies/company.service.js';
export { logActivity } from './activities/activity.service.js';
export { recordScope } from './shared/record-access.js';
export { upcomingDates, type UpcomingDate } from './reminders/important-dates.js';
export { listCustomFields } from './custom-fields/custom-field.service.js';
