/**
 * What the contact form calls each input, by API path: the inputs take their labels from here, and
 * so does the summary of a refused save. Rows of a list are named by their place in the form; the
 * server names them by their place in the input, where blank rows are left out.
 */
import type { FieldErrors, FieldLabels } from '../../ui/form-problems';
import { customFieldLabels } from '../custom-fields/CustomFieldsEditor';
import type { CustomField } from '../custom-fields/types';
import { sentRows, type ContactDraft, type ContactList } from './contact-draft';
import type { AddressPart } from './types';

export const CONTACT_LABELS = {
  firstName: 'First name',
  lastName: 'Last name',
  title: 'Job title',
  companyId: 'Company',
  lifecycleStage: 'Lifecycle stage',
  ownerId: 'Owner',
  teamId: 'Team',
  tags: 'Tags',
  emails: 'E-mail addresses',
  phones: 'Phone numbers',
  socialHandles: 'Social profiles',
  importantDates: 'Important dates',
  address: 'Postal address',
} satisfies FieldLabels;

/** The first e-mail and phone are just "E-mail" and "Phone", as most contacts have one. */
const nth = (row: number) => (row === 0 ? '' : ` ${row + 1}`);

/** Each list's inputs on a row, by the part of the entry they edit. */
export const ROW_LABELS = {
  emails: { address: (row: number) => `E-mail${nth(row)}`, label: (row: number) => `E-mail${nth(row)} label` },
  phones: { number: (row: number) => `Phone${nth(row)}`, label: (row: number) => `Phone${nth(row)} label` },
  socialHandles: {
    network: (row: number) => `Network ${row + 1}`,
    handle: (row: number) => `Handle ${row + 1}`,
    url: (row: number) => `Profile URL ${row + 1}`,
  },
  importantDates: {
    kind: (row: number) => `Kind of date ${row + 1}`,
    date: (row: number) => `Date ${row + 1}`,
    label: (row: number) => `Date ${row + 1} label`,
  },
} satisfies Record<ContactList, Record<string, (row: number) => string>>;

export const ADDRESS_LABELS: Record<AddressPart, string> = {
  street: 'Street',
  streetNumber: 'Number',
  line2: 'Building, suite or area',
  postcode: 'Postcode',
  locality: 'City or town',
  region: 'State, province or county',
  country: 'Country',
};

const LISTS = Object.keys(ROW_LABELS) as ContactList[];

/** The contact form's inputs by API path, in the form's order: the rows as the draft now sends them. */
export function contactLabels(draft: ContactDraft, customFields: CustomField[]): FieldLabels {
  const sent = sentRows(draft);
  const { emails, phones, socialHandles, importantDates, address, ...details } = CONTACT_LABELS;
  const lists = { emails, phones, socialHandles, importantDates };
  return {
    ...details,
    ...Object.fromEntries(
      LISTS.flatMap((list) => [
        [list, lists[list]],
        ...sent[list].flatMap((place, row) =>
          place < 0
            ? []
            : Object.entries(ROW_LABELS[list]).map(([part, label]: [string, (row: number) => string]) => [
                `${list}.${place}.${part}`,
                label(row),
              ]),
        ),
      ]),
    ),
    address,
    ...Object.fromEntries(Object.entries(ADDRESS_LABELS).map(([part, label]) => [`address.${part}`, label])),
    ...customFieldLabels(customFields),
  };
}

/** The problems on list entries keyed by the draft's rows, where the editors look for them. */
export function errorsByRow(errors: FieldErrors, draft: ContactDraft): FieldErrors {
  const sent = sentRows(draft);
  const byRow: Record<string, string | undefined> = { ...errors };
  for (const list of LISTS) {
    for (const part of Object.keys(ROW_LABELS[list])) {
      sent[list].forEach((place, row) => {
        byRow[`${list}.${row}.${part}`] = place < 0 ? undefined : errors[`${list}.${place}.${part}`];
      });
    }
  }
  return byRow;
}
