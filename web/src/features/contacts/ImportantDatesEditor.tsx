/** The dates that matter to a contact: birthdays, anniversaries, renewals. */
import { Select, TextInput } from '@mantine/core';
import { ListEditor } from '../../ui/ListEditor';
import { IMPORTANT_DATE_KINDS, type ImportantDate, type ImportantDateKind } from './types';

export function ImportantDatesEditor({
  dates,
  onChange,
  errors,
}: {
  dates: ImportantDate[];
  onChange: (dates: ImportantDate[]) => void;
  errors: Record<string, string>;
}) {
  return (
    <ListEditor<ImportantDate>
      legend="Important dates"
      itemName="date"
      items={dates}
      onChange={onChange}
      blank={() => ({ kind: 'birthday', date: '' })}
      renderItem={(d, update, i) => (
        <>
          <Select
            label={`Kind of date ${i + 1}`}
            data={[...IMPORTANT_DATE_KINDS]}
            value={d.kind}
            onChange={(kind) => update({ kind: (kind ?? 'custom') as ImportantDateKind })}
            allowDeselect={false}
            maw={150}
          />
          <TextInput
            label={`Date ${i + 1}`}
            type="date"
            value={d.date}
            onChange={(e) => update({ date: e.currentTarget.value })}
            error={errors[`importantDates.${i}.date`]}
          />
          <TextInput label={`Date ${i + 1} label`} value={d.label ?? ''} onChange={(e) => update({ label: e.currentTarget.value })} />
        </>
      )}
    />
  );
}
