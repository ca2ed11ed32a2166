/** The CRM domain as other domains see it: contacts and their timeline. */
export { createContact, getContact, updateContact } from './contacts/contact.service.js';
export type { Contact, ContactInput } from './contacts/contact.schema.js';
export { logActivity } from './activities/activity.service.js';
