/** Segments: saved views of a list, i.e. a name for a set of filters and a sort. */
export interface SegmentFilters {
  q?: string;
  stage?: string[];
  tag?: string[];
  ownerId?: string;
  teamId?: string;
  companyId?: string;
  createdAfter?: string;
  createdBefore?: string;
  industry?: string;
}

export interface Segment {
  id: string;
  name: string;
  entity: 'contact' | 'company';
  filters: SegmentFilters;
  sort: string | null;
  shared: boolean;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentInput {
  name: string;
  entity: 'contact' | 'company';
  filters: SegmentFilters;
  sort?: string | null;
  shared: boolean;
}
