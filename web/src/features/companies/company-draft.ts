/** The editable copy of a company a form works on, and the API input it becomes. */
import { customValuesToSend } from '../custom-fields/CustomFieldsEditor';
import type { Company, CompanyInput } from './types';

export interface CompanyDraft {
  name: string;
  domains: string[];
  industry: string;
  size: string;
  ownerId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
}

export function companyDraftOf(company?: Company): CompanyDraft {
  return {
    name: company?.name ?? '',
    domains: company?.domains ?? [],
    industry: company?.industry ?? '',
    size: company?.size ?? '',
    ownerId: company?.ownerId ?? null,
    tags: company?.tags ?? [],
    custom: company?.custom ?? {},
  };
}

export function companyInputOf(draft: CompanyDraft, customKeys: string[]): CompanyInput {
  return {
    name: draft.name.trim(),
    domains: draft.domains.map((d) => d.trim().toLowerCase()).filter(Boolean),
    industry: draft.industry.trim(),
    size: draft.size,
    ownerId: draft.ownerId,
    tags: draft.tags,
    custom: customValuesToSend(draft.custom, customKeys),
  };
}
