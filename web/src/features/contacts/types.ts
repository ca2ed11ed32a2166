/** A contact as the API returns it. */
import type { HealthReason } from '../relationship/types';

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'advocate', 'churned', 'other'] as const;
export const IMPORTANT_DATE_KINDS = ['birthday', 'anniversary', 'renewal', 'custom'] as const;
export type ImportantDateKind = (typeof IMPORTANT_DATE_KINDS)[number];

export interface EmailAddress {
  address: string;
  label?: string;
}
export interface PhoneNumber {
  number: string;
  label?: string;
}
export interface SocialHandle {
  network: string;
  handle: string;
  url?: string;
}
export interface ImportantDate {
  kind: ImportantDateKind;
  date: string;
  label?: string;
}

/** One postal address; parts left out are unknown. */
export interface PostalAddress {
  streetNumber?: string;
  street?: string;
  line2?: string;
  locality?: string;
  region?: string;
  postcode?: string;
  country?: string;
}
export const ADDRESS_PARTS = ['streetNumber', 'street', 'line2', 'locality', 'region', 'postcode', 'country'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

export interface Contact {
  id: string;
  displayName: string;
  firstName: string;
  lastName: string;
  title: string;
  emails: EmailAddress[];
  phones: PhoneNumber[];
  socialHandles: SocialHandle[];
  companyId: string | null;
  companyName: string | null;
  ownerId: string | null;
  teamId: string | null;
  lifecycleStage: string;
  tags: string[];
  custom: Record<string, unknown>;
  importantDates: ImportantDate[];
  address: PostalAddress | null;
  createdAt: string;
  updatedAt: string;
  /** The value tier and health from the latest scoring; null until the contact is scored. */
  tier?: string | null;
  health?: number | null;
  /** The strongest reasons (at most three) that moved health from neutral. */
  healthReasons?: HealthReason[] | null;
}

export type ContactInput = Partial<
  Omit<Contact, 'id' | 'displayName' | 'companyName' | 'createdAt' | 'updatedAt' | 'tier' | 'health' | 'healthReasons'>
>;

/** The list filters the API, saved views and exports share. */
export interface ContactFilters {
  q?: string;
  stage?: string[];
  tag?: string[];
  ownerId?: string;
  teamId?: string;
  companyId?: string;
  sort?: string;
}
