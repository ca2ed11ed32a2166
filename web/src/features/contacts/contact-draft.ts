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
  teamId: string | null;
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
    teamId: contact?.teamId ?? null,
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

/** Which rows of each list are sent: blank ones are left out, as the API wants no empty strings there. */
const SENT = {
  emails: (email: EmailAddress) => email.address.trim() !== '',
  phones: (phone: PhoneNumber) => phone.number.trim() !== '',
  socialHandles: (handle: SocialHandle) => handle.network.trim() !== '' && handle.handle.trim() !== '',
  importantDates: (date: ImportantDate) => date.date !== '',
};

export type ContactList = keyof typeof SENT;

/** Each row's place in the input (-1 for a blank row, not sent): the server numbers list entries by it. */
export function sentRows(draft: ContactDraft): Record<ContactList, number[]> {
  const places = <T>(rows: T[], sent: (row: T) => boolean) => {
    let next = 0;
    return rows.map((row) => (sent(row) ? next++ : -1));
  };
  return {
    emails: places(draft.emails, SENT.emails),
    phones: places(draft.phones, SENT.phones),
    socialHandles: places(draft.socialHandles, SENT.socialHandles),
    importantDates: places(draft.importantDates, SENT.importantDates),
  };
}

const withLabel = <T extends { label?: string }>(item: T): T => {
  const label = item.label?.trim();
  const { label: _label, ...rest } = item;
  return (label ? { ...rest, label } : rest) as T;
};

/** Blank rows are dropped (SENT) and blank labels left out, as the API wants no empty strings there. */
export function inputOf(draft: ContactDraft, customKeys: string[]): ContactInput {
  return {
    firstName: draft.firstName.trim(),
    lastName: draft.lastName.trim(),
    title: draft.title.trim(),
    companyId: draft.companyId,
    ownerId: draft.ownerId,
    teamId: draft.teamId,
    lifecycleStage: draft.lifecycleStage,
    tags: draft.tags,
    emails: draft.emails.filter(SENT.emails).map((e) => withLabel({ ...e, address: e.address.trim() })),
    phones: draft.phones.filter(SENT.phones).map((p) => withLabel({ ...p, number: p.number.trim() })),
    socialHandles: draft.socialHandles
      .filter(SENT.socialHandles)
      .map(({ url, ...h }) => ({ network: h.network.trim(), handle: h.handle.trim(), ...(url?.trim() ? { url: url.trim() } : {}) })),
    importantDates: draft.importantDates.filter(SENT.importantDates).map(withLabel),
    address: addressOf(draft.address),
    custom: customValuesToSend(draft.custom, customKeys),
  };
}
