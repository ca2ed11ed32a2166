/** Demo records beyond contacts (companies, activities, tasks); grows with the CRM domain. */
import type { Db } from '../platform/db/db.js';
import type { Ctx } from '../platform/context.js';
import type { Contact } from '../crm/contacts/contact.schema.js';

export async function seedDemoCrm(_ctx: Ctx, _db: Db, _contacts: readonly Contact[]): Promise<void> {
  // Companies, activities and tasks join the demo as their domains land.
}
