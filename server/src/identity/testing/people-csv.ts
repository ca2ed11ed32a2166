/**
 * Test and eval fixture: person records as a CSV file the contact importer reads, with the column
 * mapping to contact fields. The record id and the national id go to custom fields (`record_id`,
 * `national_id`) the workspace must have when `IDENTIFIER_MAPPING` is used; unmapped, they are ignored.
 */
import { stringify } from 'csv-stringify/sync';
import type { PersonRecord } from '../matching/index.js';

export const PERSON_MAPPING = {
  'First name': 'firstName',
  'Last name': 'lastName',
  Email: 'email',
  Phone: 'phone',
  Company: 'company',
  'Street number': 'address:streetNumber',
  Street: 'address:street',
  'Address 2': 'address:line2',
  City: 'address:locality',
  Postcode: 'address:postcode',
  State: 'address:region',
  Birthday: 'importantDate:birthday',
};

export const IDENTIFIER_MAPPING = { Record: 'custom:record_id', 'National id': 'custom:national_id' };

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10).replaceAll('-', '') === value;
}

/** The file, and how many birth dates were no calendar date (a corrupted 31 February): a contact cannot hold them, so they are left out. */
export function peopleCsv(records: readonly PersonRecord[]): { csv: string; impossibleDates: number } {
  let impossibleDates = 0;
  const rows: string[][] = [[...Object.keys(PERSON_MAPPING), ...Object.keys(IDENTIFIER_MAPPING)]];
  for (const record of records) {
    const birth = record.birthDate ?? '';
    const keepBirth = birth !== '' && isCalendarDate(birth);
    if (birth !== '' && !keepBirth) impossibleDates++;
    const a = record.address ?? {};
    rows.push([
      record.givenName ?? '',
      record.familyName ?? '',
      record.emails?.[0] ?? '',
      record.phones?.[0] ?? '',
      record.company ?? '',
      a.streetNumber ?? '',
      a.street ?? '',
      a.line2 ?? '',
      a.locality ?? '',
      a.postcode ?? '',
      a.region ?? '',
      keepBirth ? birth : '',
      record.id,
      record.nationalId ?? '',
    ]);
  }
  return { csv: stringify(rows), impossibleDates };
}
