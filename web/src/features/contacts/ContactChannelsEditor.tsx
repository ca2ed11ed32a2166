/** E-mail addresses and phone numbers of a contact, each with an optional label. */
import { Autocomplete, TextInput } from '@mantine/core';
import type { FieldErrors } from '../../ui/form-problems';
import { ListEditor } from '../../ui/ListEditor';
import { CONTACT_LABELS, ROW_LABELS } from './contact-labels';
import type { EmailAddress, PhoneNumber } from './types';

const KINDS = ['work', 'home', 'mobile', 'other'];

export function EmailsEditor({
  emails,
  onChange,
  errors,
}: {
  emails: EmailAddress[];
  onChange: (emails: EmailAddress[]) => void;
  errors: FieldErrors;
}) {
  return (
    <ListEditor<EmailAddress>
      legend={CONTACT_LABELS.emails}
      itemName="e-mail"
      items={emails}
      onChange={onChange}
      blank={() => ({ address: '' })}
      renderItem={(email, update, i) => (
        <>
          <TextInput
            label={ROW_LABELS.emails.address(i)}
            type="email"
            value={email.address}
            onChange={(e) => update({ address: e.currentTarget.value })}
            error={errors[`emails.${i}.address`]}
            style={{ flexGrow: 3 }}
          />
          <Autocomplete
            label={ROW_LABELS.emails.label(i)}
            data={KINDS}
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
  errors: FieldErrors;
}) {
  return (
    <ListEditor<PhoneNumber>
      legend={CONTACT_LABELS.phones}
      itemName="phone"
      items={phones}
      onChange={onChange}
      blank={() => ({ number: '' })}
      renderItem={(phone, update, i) => (
        <>
          <TextInput
            label={ROW_LABELS.phones.number(i)}
            type="tel"
            value={phone.number}
            onChange={(e) => update({ number: e.currentTarget.value })}
            error={errors[`phones.${i}.number`]}
            style={{ flexGrow: 3 }}
          />
          <Autocomplete
            label={ROW_LABELS.phones.label(i)}
            data={KINDS}
            value={phone.label ?? ''}
            onChange={(label) => update({ label })}
            maw={140}
          />
        </>
      )}
    />
  );
}
