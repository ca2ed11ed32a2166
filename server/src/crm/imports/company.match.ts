/**
 * How an import finds the company a row means, so importing again never makes a second one. The
 * same rule serves a companies import (the row's company) and a contacts import (the company a
 * contact works for):
 *
 *  1. by id, when the row names one of the workspace's companies (as Rapport's exports write it);
 *  2. by domain: the first of the row's domains that a company has;
 *  3. by name, exactly but for case, when the row has no domain or that company has none (a row
 *     `Acme, acme.com` is the `Acme` a contacts import created without a domain, not the `Acme` of
 *     `acme.de`).
 *
 * When several companies match, the oldest is found. Companies created or renamed by the import are
 * added as it goes, so a later row of the same file finds them too.
 */
import type { Company } from '../companies/company.schema.js';

/** A stored company as the import matches rows against it. */
export type KnownCompany = Omit<Company, 'contactCount'>;

export type MatchedBy = 'id' | 'domain' | 'name';

export interface Match<C> {
  company: C;
  by: MatchedBy;
  /** The id, domain or name the row and the company share. */
  value: string;
}

export class CompanyIndex<C extends { id: string; name: string; domains: readonly string[] }> {
  private readonly byId = new Map<string, C>();
  private readonly byDomain = new Map<string, C>();
  private readonly byName = new Map<string, C[]>();

  /** `known` oldest first. */
  constructor(known: readonly C[] = []) {
    for (const company of known) this.add(company);
  }

  /** Makes a company findable; one found before under a domain or name keeps it (it is older). */
  add(company: C): void {
    this.byId.set(company.id, company);
    for (const domain of company.domains) if (!this.byDomain.has(domain)) this.byDomain.set(domain, company);
    const key = company.name.trim().toLowerCase();
    const named = this.byName.get(key) ?? [];
    if (!named.includes(company)) this.byName.set(key, [...named, company]);
  }

  find(row: { id?: string | null; domains: readonly string[]; name?: string | null }): Match<C> | null {
    const byId = row.id ? this.byId.get(row.id.toLowerCase()) : undefined;
    if (byId) return { company: byId, by: 'id', value: byId.id };
    for (const domain of row.domains) {
      const company = this.byDomain.get(domain);
      if (company) return { company, by: 'domain', value: domain };
    }
    const name = row.name?.trim();
    if (!name) return null;
    const company = this.byName.get(name.toLowerCase())?.find((c) => row.domains.length === 0 || c.domains.length === 0);
    return company ? { company, by: 'name', value: company.name } : null;
  }
}
