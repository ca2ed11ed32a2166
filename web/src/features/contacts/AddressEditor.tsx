/** A contact's postal address, one input per part as the API stores it. */
import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import type { FieldErrors } from '../../ui/form-problems';
import { ADDRESS_LABELS, CONTACT_LABELS } from './contact-labels';
import type { AddressPart, PostalAddress } from './types';

const INPUTS: { part: AddressPart; span?: boolean }[] = [
  { part: 'street' },
  { part: 'streetNumber' },
  { part: 'line2', span: true },
  { part: 'postcode' },
  { part: 'locality' },
  { part: 'region' },
  { part: 'country' },
];

export function AddressEditor({
  address,
  onChange,
  errors,
}: {
  address: Required<PostalAddress>;
  onChange: (address: Required<PostalAddress>) => void;
  errors: FieldErrors;
}) {
  return (
    <Fieldset legend={CONTACT_LABELS.address} variant="unstyled">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {INPUTS.map(({ part, span }) => (
          <TextInput
            key={part}
            label={ADDRESS_LABELS[part]}
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
