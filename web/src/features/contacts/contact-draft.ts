/** The editable copy of a contact a form works on, and the API input it becomes. */
import { customValuesToSend } from '../custom-fields/CustomFieldsEditor';
import {
  ADDRESS_PARTS,
  type Contact,
  type ContactInput,
  type EmailAddress,
  type ImportantDate,
  type PhoneNumber,
  type PostalAddress,
  type SocialHandle,
} from './types';

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
  /** Every part as text, an unknown one empty. */
  address: Required<PostalAddress>;
  custom: Record<string, unknown>;
}

function addressDraftOf(address: PostalAddress | null | undefined): Required<PostalAddress> {
  return Object.fromEntries(ADDRESS_PARTS.map((part) => [part, address?.[part] ?? ''])) as Required<PostalAddress>;
}

/** The parts filled in, trimmed; no address at all when none is. */
function addressOf(draft: Required<PostalAddress>): PostalAddress | null {
  const parts = ADDRESS_PARTS.map((part) => [part, draft[part].trim()] as const).filter(([, value]) => value !== '');
  return parts.length ? (Object.fromEntries(parts) as PostalAddress) : null;
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
    address: addressDraftOf(contact?.address),
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
    address: addressOf(draft.address),
    custom: customValuesToSend(draft.custom, customKeys),
  };
}
