/** Server state for custom field definitions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { List } from '../../lib/types';
import type { CustomField, FieldEntity, FieldType } from './types';

export function useCustomFields(entity: FieldEntity) {
  return useQuery({
    queryKey: ['custom-fields', entity],
    queryFn: () => api<List<CustomField>>(`/custom-fields${query({ entity })}`),
    select: (list) => [...list.data].sort((a, b) => a.position - b.position || a.label.localeCompare(b.label)),
    staleTime: 60_000,
  });
}

export interface CustomFieldInput {
  entity: FieldEntity;
  key: string;
  label: string;
  type: FieldType;
  options?: string[];
  required?: boolean;
  position?: number;
}

export type CustomFieldPatch = Partial<Pick<CustomFieldInput, 'label' | 'options' | 'required' | 'position'>>;

export function useCreateCustomField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomFieldInput) => api<CustomField>('/custom-fields', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['custom-fields'] }),
  });
}

export function useChangeCustomField(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: CustomFieldPatch) => api<CustomField>(`/custom-fields/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['custom-fields'] }),
  });
}

export function useDeleteCustomField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/custom-fields/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['custom-fields'] }),
  });
}
