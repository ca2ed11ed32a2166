/** A contact's postal address, one input per part as the API stores it. */
import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import type { AddressPart, PostalAddress } from './types';

const INPUTS: { part: AddressPart; label: string; span?: boolean }[] = [
  { part: 'street', label: 'Street' },
  { part: 'streetNumber', label: 'Number' },
  { part: 'line2', label: 'Building, suite or area', span: true },
  { part: 'postcode', label: 'Postcode' },
  { part: 'locality', label: 'City or town' },
  { part: 'region', label: 'State, province or county' },
  { part: 'country', label: 'Country' },
];

export function AddressEditor({
  address,
  onChange,
  errors,
}: {
  address: Required<PostalAddress>;
  onChange: (address: Required<PostalAddress>) => void;
  errors: Record<string, string>;
}) {
  return (
    <Fieldset legend="Postal address" variant="unstyled">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {INPUTS.map(({ part, label, span }) => (
          <TextInput
            key={part}
            label={label}
            autoComplete="off"
            value={address[part]}
            onChange={(e) => onChange({ ...address, [part]: e.currentTarget.value })}
            error={errors[`address.${part}`]}
            style={span ? { gridColumn: '1 / -1' } : undefined}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}

/** The address as lines to print: street and number, building, postcode and town, region, country. */
export function addressLines(address: PostalAddress | null): string[] {
  if (!address) return [];
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');
  return [
    join(address.street, address.streetNumber),
    address.line2,
    join(address.postcode, address.locality),
    address.region,
    address.country,
  ].filter((line): line is string => Boolean(line));
}
