/**
 * Reads a FEBRL file (test/fixtures/eval/identity, see its README) into person records and the
 * ground truth: `rec-N-org` and `rec-N-dup-K` belong to entity N. Values keep their leading zeros;
 * an empty value is missing.
 */
import { readFileSync } from 'node:fs';
import type { PersonRecord } from '../../server/src/identity/matching/index.js';

export interface FebrlFile {
  name: string;
  records: PersonRecord[];
  entityOf: Map<string, string>;
}

const COLUMNS = [
  'rec_id',
  'given_name',
  'surname',
  'street_number',
  'address_1',
  'address_2',
  'suburb',
  'postcode',
  'state',
  'date_of_birth',
  'soc_sec_id',
] as const;

export function loadFebrl(name: string, withNationalId: boolean): FebrlFile {
  const url = new URL(`../../test/fixtures/eval/identity/${name}`, import.meta.url);
  const [header, ...lines] = readFileSync(url, 'utf8').split(/\r?\n/).filter(Boolean);
  if (header?.split(', ').join(',') !== COLUMNS.join(',')) throw new Error(`${name}: unexpected header "${header}"`);
  const records: PersonRecord[] = [];
  const entityOf = new Map<string, string>();
  for (const line of lines) {
    const cells = line.split(', ');
    if (cells.length !== COLUMNS.length) throw new Error(`${name}: expected ${COLUMNS.length} values in "${line}"`);
    const value = (column: (typeof COLUMNS)[number]) => {
      const cell = cells[COLUMNS.indexOf(column)]!.trim();
      return cell === '' ? null : cell;
    };
    const id = value('rec_id')!;
    const entity = /^rec-(\d+)-(?:org|dup-\d+)$/.exec(id)?.[1];
    if (entity === undefined) throw new Error(`${name}: unexpected record id "${id}"`);
    entityOf.set(id, entity);
    records.push({
      id,
      givenName: value('given_name'),
      familyName: value('surname'),
      birthDate: value('date_of_birth'),
      address: {
        streetNumber: value('street_number'),
        street: value('address_1'),
        line2: value('address_2'),
        locality: value('suburb'),
        postcode: value('postcode'),
        region: value('state'),
      },
      nationalId: withNationalId ? value('soc_sec_id') : null,
    });
  }
  return { name, records, entityOf };
}
