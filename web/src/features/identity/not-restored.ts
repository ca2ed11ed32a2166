/**
 * What an unmerge left as it is: the survivor's fields edited since the merge, which the server
 * names by API path (`title`, `custom.plan`), said in the words the contact form uses.
 */
import { CONTACT_LABELS } from '../contacts/contact-labels';
import { useCustomFields } from '../custom-fields/api';
import { customFieldLabels } from '../custom-fields/CustomFieldsEditor';
import type { CustomField } from '../custom-fields/types';
import type { UnmergeResult } from './types';

export function notRestoredLabels(fields: readonly string[], customFields: CustomField[]): string[] {
  const labels: Record<string, string | undefined> = { ...CONTACT_LABELS, ...customFieldLabels(customFields) };
  // A custom field deleted since the merge has no label left; its key is the best name there is.
  return fields.map((field) => labels[field] ?? field.replace(/^custom\./, ''));
}

/** "Edited since the merge, so kept as they are now: Plan, Job title.", or null when everything was restored. */
export function useNotRestoredNotice(): (result: UnmergeResult) => string | null {
  const customFields = useCustomFields('contact');
  return ({ notRestored }) =>
    notRestored.length === 0
      ? null
      : `Edited since the merge, so kept as they are now: ${notRestoredLabels(notRestored, customFields.data ?? []).join(', ')}.`;
}
