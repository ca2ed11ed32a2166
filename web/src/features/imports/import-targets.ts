/** The contact fields a column of an imported file can fill, named as the import API expects. */
import type { CustomField } from '../custom-fields/types';
import type { ImportFormat } from './types';

export interface ImportTarget {
  value: string;
  label: string;
  group: string;
}

const NETWORKS = ['mastodon', 'bluesky', 'x', 'linkedin', 'instagram', 'facebook', 'github'];
const DATE_KINDS = ['birthday', 'anniversary', 'renewal'];
/** The parts of a postal address the import fills, as the server names them. */
const ADDRESS_PARTS = [
  ['streetNumber', 'Street number'],
  ['street', 'Street'],
  ['line2', 'Address line 2 (building, suite)'],
  ['locality', 'City or town'],
  ['region', 'State, province or county'],
  ['postcode', 'Postcode'],
  ['country', 'Country'],
] as const;

const CONTACT_TARGETS: ImportTarget[] = [
  { value: 'firstName', label: 'First name', group: 'Name and role' },
  { value: 'lastName', label: 'Last name', group: 'Name and role' },
  { value: 'fullName', label: 'Full name (split into first and last)', group: 'Name and role' },
  { value: 'title', label: 'Job title', group: 'Name and role' },
  { value: 'company', label: 'Company (created when new)', group: 'Name and role' },
  { value: 'lifecycleStage', label: 'Lifecycle stage', group: 'Name and role' },
  { value: 'tags', label: 'Tags (comma separated)', group: 'Name and role' },
  { value: 'email', label: 'E-mail', group: 'Reach' },
  { value: 'email2', label: 'E-mail 2', group: 'Reach' },
  { value: 'email3', label: 'E-mail 3', group: 'Reach' },
  { value: 'phone', label: 'Phone', group: 'Reach' },
  { value: 'phone2', label: 'Phone 2', group: 'Reach' },
  { value: 'phone3', label: 'Phone 3', group: 'Reach' },
  ...NETWORKS.map((n) => ({ value: `socialHandle:${n}`, label: `Social: ${n}`, group: 'Social profiles' })),
  { value: 'socialHandles', label: 'Social profiles, as Rapport exports them (network:handle; …)', group: 'Social profiles' },
  ...DATE_KINDS.map((k) => ({ value: `importantDate:${k}`, label: `Date: ${k}`, group: 'Important dates' })),
  { value: 'importantDates', label: 'Important dates, as Rapport exports them (kind:date; …)', group: 'Important dates' },
  ...ADDRESS_PARTS.map(([part, label]) => ({ value: `address:${part}`, label, group: 'Postal address' })),
];

/** Known fields, the workspace's custom fields, and any target the server suggested that we do not list. */
export function importTargets(customFields: CustomField[], suggested: (string | null)[]): ImportTarget[] {
  const targets = [...CONTACT_TARGETS, ...customFields.map((f) => ({ value: `custom:${f.key}`, label: f.label, group: 'Custom fields' }))];
  for (const value of suggested) {
    if (value && value !== 'ignore' && !targets.some((t) => t.value === value)) targets.push({ value, label: value, group: 'Other' });
  }
  return targets;
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
