/** The dates that matter to a contact: birthdays, anniversaries, renewals. */
import { Select, TextInput } from '@mantine/core';
import type { FieldErrors } from '../../ui/form-problems';
import { ListEditor } from '../../ui/ListEditor';
import { CONTACT_LABELS, ROW_LABELS } from './contact-labels';
import { IMPORTANT_DATE_LABELS } from './important-date';
import { IMPORTANT_DATE_KINDS, type ImportantDate, type ImportantDateKind } from './types';

export function ImportantDatesEditor({
  dates,
  onChange,
  errors,
}: {
  dates: ImportantDate[];
  onChange: (dates: ImportantDate[]) => void;
  errors: FieldErrors;
}) {
  return (
    <ListEditor<ImportantDate>
      legend={CONTACT_LABELS.importantDates}
      itemName="date"
      items={dates}
      onChange={onChange}
      blank={() => ({ kind: 'birthday', date: '' })}
      renderItem={(d, update, i) => (
        <>
          <Select
            label={ROW_LABELS.importantDates.kind(i)}
            data={IMPORTANT_DATE_KINDS.map((kind) => ({ value: kind, label: IMPORTANT_DATE_LABELS[kind] }))}
            value={d.kind}
            onChange={(kind) => update({ kind: (kind ?? 'custom') as ImportantDateKind })}
            allowDeselect={false}
            maw={150}
          />
          <TextInput
            label={ROW_LABELS.importantDates.date(i)}
            type="date"
            value={d.date}
            onChange={(e) => update({ date: e.currentTarget.value })}
            error={errors[`importantDates.${i}.date`]}
          />
          <TextInput
            label={ROW_LABELS.importantDates.label(i)}
            value={d.label ?? ''}
            onChange={(e) => update({ label: e.currentTarget.value })}
            error={errors[`importantDates.${i}.label`]}
          />
        </>
      )}
    />
  );
}
