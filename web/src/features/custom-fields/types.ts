/** Custom field definitions: typed fields a workspace adds to contacts and companies. */
export const FIELD_TYPES = ['text', 'number', 'date', 'select', 'multi_select', 'boolean', 'url'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export type FieldEntity = 'contact' | 'company';

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  select: 'Single select',
  multi_select: 'Multi select',
  boolean: 'Yes / no',
  url: 'URL',
};

export interface CustomField {
  id: string;
  entity: FieldEntity;
  key: string;
  label: string;
  type: FieldType;
  options: string[];
  required: boolean;
  position: number;
  createdAt: string;
}

export type CustomValue = string | number | boolean | string[] | null;
