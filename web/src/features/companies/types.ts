/** A company as the API returns it. */
export interface Company {
  id: string;
  name: string;
  domains: string[];
  industry: string;
  size: string;
  ownerId: string | null;
  teamId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  contactCount: number;
  createdAt: string;
  updatedAt: string;
}

export type CompanyInput = Partial<Pick<Company, 'name' | 'domains' | 'industry' | 'size' | 'ownerId' | 'teamId' | 'tags' | 'custom'>>;

export interface CompanyFilters {
  q?: string;
  tag?: string[];
  ownerId?: string;
  industry?: string;
  sort?: string;
}

/** Head count bands; '' when not known. */
export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;
