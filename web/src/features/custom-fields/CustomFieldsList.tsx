/** A record's custom values as a list of label and value, for its details card. */
import { DetailList, DetailRow } from '../../ui/DetailRow';
import { useCustomFields } from './api';
import { CustomFieldValue } from './CustomFieldValue';
import type { FieldEntity } from './types';

export function CustomFieldsList({ entity, values }: { entity: FieldEntity; values: Record<string, unknown> }) {
  const fields = useCustomFields(entity);
  if (!fields.data?.length) return null;
  return (
    <DetailList>
      {fields.data.map((field) => (
        <DetailRow key={field.id} label={field.label}>
          <CustomFieldValue field={field} value={values[field.key]} />
        </DetailRow>
      ))}
    </DetailList>
  );
}
