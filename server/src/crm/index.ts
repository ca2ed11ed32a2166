/** The CRM domain as other domains see it: contacts and their timeline. */
export {
  createContact,
  contactsWrite,
  displayNameOf,
  getContact,
  lockContact,
  updateContact,
  updateContactInTransaction,
  type NewContact,
} from './contacts/contact.service.js';
export { contactRowSnapshot, deleteContactRow, restoreContactRow } from './contacts/contact.repo.js';
export { Contact, type ContactInput } from './contacts/contact.schema.js';
export { getCompany } from './companies/company.service.js';
export { fieldsFor as customFieldsFor, listCustomFields } from './custom-fields/custom-field.service.js';
export { upcomingDates } from './reminders/important-dates.js';
export { recordScope } from './shared/record-access.js';
export { namePartsOf } from './shared/single-line.js';
export { tagKey } from './shared/tags.js';
export { logActivity } from './activities/activity.service.js';
