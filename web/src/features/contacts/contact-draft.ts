/** The editable copy of a contact a form works on, and the API input it becomes. */
import { customValuesToSend } from '../custom-fields/CustomFieldsEditor';
import type { Contact, ContactInput, EmailAddress, ImportantDate, PhoneNumber, SocialHandle } from './types';

export interface ContactDraft {
  firstName: string;
  lastName: string;
  title: string;
  companyId: string | null;
  companyName: string | null;
  ownerId: string | null;
  lifecycleStage: string;
  tags: string[];
  emails: EmailAddress[];
  phones: PhoneNumber[];
  socialHandles: SocialHandle[];
  importantDates: ImportantDate[];
  custom: Record<string, unknown>;
}

export function draftOf(contact: Contact | undefined, defaults: Partial<ContactDraft> = {}): ContactDraft {
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    title: contact?.title ?? '',
    companyId: contact?.companyId ?? null,
    companyName: contact?.companyName ?? null,
    ownerId: contact?.ownerId ?? null,
    lifecycleStage: contact?.lifecycleStage ?? 'lead',
    tags: contact?.tags ?? [],
    emails: contact?.emails.length ? contact.emails : [{ address: '' }],
    phones: contact?.phones.length ? contact.phones : [{ number: '' }],
    socialHandles: contact?.socialHandles ?? [],
    importantDates: contact?.importantDates ?? [],
    custom: contact?.custom ?? {},
    ...defaults,
  };
}

const withLabel = <T extends { label?: string }>(item: T): T => {
  const label = item.label?.trim();
  const { label: _label, ...rest } = item;
  return (label ? { ...rest, label } : rest) as T;
};

/** Blank rows are dropped and blank labels left out, as the API wants no empty strings there. */
export function inputOf(draft: ContactDraft, customKeys: string[]): ContactInput {
  return {
    firstName: draft.firstName.trim(),
    lastName: draft.lastName.trim(),
    title: draft.title.trim(),
    companyId: draft.companyId,
    ownerId: draft.ownerId,
    lifecycleStage: draft.lifecycleStage,
    tags: draft.tags,
    emails: draft.emails.filter((e) => e.address.trim()).map((e) => withLabel({ ...e, address: e.address.trim() })),
    phones: draft.phones.filter((p) => p.number.trim()).map((p) => withLabel({ ...p, number: p.number.trim() })),
    socialHandles: draft.socialHandles
      .filter((h) => h.network.trim() && h.handle.trim())
      .map(({ url, ...h }) => ({ network: h.network.trim(), handle: h.handle.trim(), ...(url?.trim() ? { url: url.trim() } : {}) })),
    importantDates: draft.importantDates.filter((d) => d.date).map(withLabel),
    custom: customValuesToSend(draft.custom, customKeys),
  };
}
