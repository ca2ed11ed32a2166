/** E-mail addresses and phone numbers of a contact, each with an optional label. */
import { Autocomplete, TextInput } from '@mantine/core';
import { ListEditor } from '../../ui/ListEditor';
import type { EmailAddress, PhoneNumber } from './types';

const LABELS = ['work', 'home', 'mobile', 'other'];
const nth = (index: number) => (index === 0 ? '' : ` ${index + 1}`);

export function EmailsEditor({
  emails,
  onChange,
  errors,
}: {
  emails: EmailAddress[];
  onChange: (emails: EmailAddress[]) => void;
  errors: Record<string, string>;
}) {
  return (
    <ListEditor<EmailAddress>
      legend="E-mail addresses"
      itemName="e-mail"
      items={emails}
      onChange={onChange}
      blank={() => ({ address: '' })}
      renderItem={(email, update, i) => (
        <>
          <TextInput
            label={`E-mail${nth(i)}`}
            type="email"
            value={email.address}
            onChange={(e) => update({ address: e.currentTarget.value })}
            error={errors[`emails.${i}.address`]}
            style={{ flexGrow: 3 }}
          />
          <Autocomplete
            label={`E-mail${nth(i)} label`}
            data={LABELS}
            value={email.label ?? ''}
            onChange={(label) => update({ label })}
            maw={140}
          />
        </>
      )}
    />
  );
}

export function PhonesEditor({
  phones,
  onChange,
  errors,
}: {
  phones: PhoneNumber[];
  onChange: (phones: PhoneNumber[]) => void;
  errors: Record<string, string>;
}) {
  return (
    <ListEditor<PhoneNumber>
      legend="Phone numbers"
      itemName="phone"
      items={phones}
      onChange={onChange}
      blank={() => ({ number: '' })}
      renderItem={(phone, update, i) => (
        <>
          <TextInput
            label={`Phone${nth(i)}`}
            type="tel"
            value={phone.number}
            onChange={(e) => update({ number: e.currentTarget.value })}
            error={errors[`phones.${i}.number`]}
            style={{ flexGrow: 3 }}
          />
          <Autocomplete
            label={`Phone${nth(i)} label`}
            data={LABELS}
            value={phone.label ?? ''}
            onChange={(label) => update({ label })}
            maw={140}
          />
        </>
      )}
    />
  );
}
