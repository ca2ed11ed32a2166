/**
 * The contact or company fields a column of an imported file can fill, named as the import API
 * expects and labelled for people. The labels are Records over the kinds of target listed here, so a
 * kind without a label does not compile; the kinds are kept in step with the server's mappings
 * (`Target` in server/src/crm/imports/import.mapping.ts, `CompanyTarget` in csv.company.ts) by hand,
 * as the web app imports no server code.
 */
import type { AddressPart, ImportantDateKind } from '../contacts/types';
import type { CustomField } from '../custom-fields/types';
import type { ImportFormat, ImportTarget } from './types';

/** A field a column can be imported as, in the mapping step's list. */
export interface TargetOption {
  value: string;
  label: string;
  group: string;
}

/** The groups of the target list, in the order it shows them. */
const GROUPS = ['Name and role', 'Reach', 'Social profiles', 'Important dates', 'Postal address', 'Timeline'] as const;
type Group = (typeof GROUPS)[number];

/** Targets that name their field alone; `email` and `phone` also take a number (`email2`) for more columns. */
type FieldTarget =
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'title'
  | 'company'
  | 'companyId'
  | 'companyDomain'
  | 'ownerId'
  | 'teamId'
  | 'lifecycleStage'
  | 'tags'
  | 'email'
  | 'emailLabels'
  | 'phone'
  | 'phoneLabels'
  | 'socialHandles'
  | 'importantDates'
  | 'note';

const FIELDS: Record<FieldTarget, { label: string; group: Group }> = {
  firstName: { label: 'First name', group: 'Name and role' },
  lastName: { label: 'Last name', group: 'Name and role' },
  fullName: { label: 'Full name (split into first and last)', group: 'Name and role' },
  title: { label: 'Job title', group: 'Name and role' },
  company: { label: 'Company (created when new)', group: 'Name and role' },
  companyId: { label: 'Company, by its id in Rapport (else by name)', group: 'Name and role' },
  companyDomain: { label: 'Company domain (finds the company before its name does)', group: 'Name and role' },
  ownerId: { label: 'Owner, by their id in Rapport', group: 'Name and role' },
  teamId: { label: 'Team, by its id in Rapport', group: 'Name and role' },
  lifecycleStage: { label: 'Lifecycle stage', group: 'Name and role' },
  tags: { label: 'Tags (comma separated)', group: 'Name and role' },
  email: { label: 'E-mail', group: 'Reach' },
  emailLabels: { label: 'E-mail labels, as Rapport exports them (work; ; home)', group: 'Reach' },
  phone: { label: 'Phone', group: 'Reach' },
  phoneLabels: { label: 'Phone labels, as Rapport exports them (mobile; ; work)', group: 'Reach' },
  socialHandles: { label: 'Social profiles, as Rapport exports them (network:handle; …)', group: 'Social profiles' },
  importantDates: { label: 'Important dates, as Rapport exports them (kind:date; …)', group: 'Important dates' },
  note: { label: 'Note (added to the timeline)', group: 'Timeline' },
};

/** More e-mail and phone columns offered than the first; the server takes any number up to 99. */
const NUMBERED = [2, 3];

/** The networks the server recognises in a column's header (`socialHandle:<network>`). */
type Network = 'mastodon' | 'bluesky' | 'x' | 'linkedin' | 'instagram' | 'facebook' | 'github' | 'tiktok' | 'youtube' | 'xing';

const NETWORKS: Record<Network, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  x: 'X (Twitter)',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
  github: 'GitHub',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  xing: 'XING',
};

const DATE_KINDS: Record<ImportantDateKind, string> = {
  birthday: 'Birthday',
  anniversary: 'Anniversary',
  renewal: 'Renewal date',
  custom: 'Other date',
};

const ADDRESS_PARTS: Record<AddressPart, string> = {
  streetNumber: 'Street number',
  street: 'Street',
  line2: 'Address line 2 (building, suite)',
  locality: 'City or town',
  region: 'State, province or county',
  postcode: 'Postcode',
  country: 'Country',
};

const entries = <K extends string>(record: Record<K, string>) => Object.entries(record) as [K, string][];

function field(value: FieldTarget): TargetOption {
  return { value, ...FIELDS[value] };
}

function numbered(value: 'email' | 'phone', n: number): TargetOption {
  return { value: `${value}${n}`, label: `${FIELDS[value].label} ${n}`, group: FIELDS[value].group };
}

/** Every target the list offers, by group; in a group, the single fields before the lists as Rapport exports them. */
const LISTED: TargetOption[] = [
  ...entries(NETWORKS).map(([network, label]) => ({
    value: `socialHandle:${network}`,
    label: `${label} profile`,
    group: 'Social profiles',
  })),
  ...entries(DATE_KINDS).map(([kind, label]) => ({ value: `importantDate:${kind}`, label, group: 'Important dates' })),
  ...entries(ADDRESS_PARTS).map(([part, label]) => ({ value: `address:${part}`, label, group: 'Postal address' })),
  ...(Object.keys(FIELDS) as FieldTarget[]).flatMap((value) =>
    value === 'email' || value === 'phone' ? [field(value), ...NUMBERED.map((n) => numbered(value, n))] : [field(value)],
  ),
].sort((a, b) => GROUPS.indexOf(a.group as Group) - GROUPS.indexOf(b.group as Group));

/** An e-mail or phone column past those the list offers (`email4`), as the server suggests for a fourth. */
function furtherColumn(value: string): TargetOption | null {
  const more = /^(email|phone)(\d{1,2})$/.exec(value);
  return more ? numbered(more[1] as 'email' | 'phone', Number(more[2])) : null;
}

/** The listed fields, the workspace's custom fields, and any target the server suggested that the list lacks. */
function withCustomAndSuggested(
  listed: TargetOption[],
  customFields: CustomField[],
  suggested: (string | null)[],
  further: (value: string) => TargetOption | null,
): TargetOption[] {
  const targets = [...listed, ...customFields.map((f) => ({ value: `custom:${f.key}`, label: f.label, group: 'Custom fields' }))];
  for (const value of suggested) {
    if (value && value !== 'ignore' && !targets.some((t) => t.value === value)) {
      targets.push(further(value) ?? { value, label: value, group: 'Other' });
    }
  }
  return targets;
}

/** The contact fields a column can fill: known fields, the workspace's contact custom fields, any other suggested. */
export function importTargets(customFields: CustomField[], suggested: (string | null)[]): TargetOption[] {
  return withCustomAndSuggested(LISTED, customFields, suggested, furtherColumn);
}

/** Targets of a companies import; `id`, `domains` and a name without a domain find the company a row updates. */
type CompanyFieldTarget = 'name' | 'domains' | 'industry' | 'size' | 'tags' | 'id' | 'ownerId' | 'teamId' | 'note';

const COMPANY_FIELDS: Record<CompanyFieldTarget, { label: string; group: string }> = {
  name: { label: 'Name', group: 'Company' },
  domains: { label: 'Domains or website (comma separated)', group: 'Company' },
  industry: { label: 'Industry', group: 'Company' },
  size: { label: 'Size (a band such as 51-200, or a head count)', group: 'Company' },
  tags: { label: 'Tags (comma separated)', group: 'Company' },
  id: { label: 'Company to update, by its id in Rapport', group: 'Company' },
  ownerId: { label: 'Owner, by their id in Rapport', group: 'Owner and team' },
  teamId: { label: 'Team, by its id in Rapport', group: 'Owner and team' },
  note: { label: 'Note (added to the timeline)', group: 'Timeline' },
};

const COMPANY_LISTED: TargetOption[] = (Object.keys(COMPANY_FIELDS) as CompanyFieldTarget[]).map((value) => ({
  value,
  ...COMPANY_FIELDS[value],
}));

/** The company fields a column can fill: known fields, the workspace's company custom fields, any other suggested. */
export function companyImportTargets(customFields: CustomField[], suggested: (string | null)[]): TargetOption[] {
  return withCustomAndSuggested(COMPANY_LISTED, customFields, suggested, () => null);
}

/** The fields a column can fill in an import of `target`. */
export function targetOptions(target: ImportTarget, customFields: CustomField[], suggested: (string | null)[]): TargetOption[] {
  return target === 'companies' ? companyImportTargets(customFields, suggested) : importTargets(customFields, suggested);
}

/**
 * A vCard property or a field of a JSON export always fills the same contact field, so the mapping
 * step only lets the user keep or skip it (the server refuses any other target). Keeping sends the
 * suggested target or, for a custom value the workspace has no field for, the column's own
 * `custom:<key>`.
 */
export function keepsOrSkips(format: ImportFormat): boolean {
  return format !== 'csv';
}

export function keptTarget(suggestedMapping: Record<string, string | null>, column: string): string {
  return suggestedMapping[column] ?? column;
}
