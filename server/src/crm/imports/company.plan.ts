/**
 * Decides, row by row, what a companies import does: finds the company the row means (see
 * company.match.ts) and updates it, or creates a new one. An update takes the values the row gives
 * (name, industry, size, owner, team, custom values) and adds the row's domains and tags to the
 * company's; what the row leaves empty, the company keeps. Rows of one file that mean one company
 * update it in turn. Nothing is written here: the plans go to company.writer.ts.
 */
import type { Ctx } from '../../platform/context.js';
import { RapportError } from '../../platform/http/errors.js';
import { checkCompanyOwnership } from '../companies/company.policy.js';
import type { CustomField } from '../custom-fields/custom-field.schema.js';
import { checkCustomValues, mergeCustomValues } from '../custom-fields/custom-field.values.js';
import { newId } from '../../platform/db/ids.js';
import { dedupeTags } from '../shared/tags.js';
import { CompanyIndex, type KnownCompany, type MatchedBy } from './company.match.js';
import type { ValidCompanyRow } from './company.validate.js';
import type { RowProblem } from './import.validate.js';
import { sourceOf } from './import.draft.js';
import { ownershipOf, quoted, type Owners, type OwnershipWords } from './import.ownership.js';
import type { ReportBuilder } from './import.report.js';
import { MAX_REPORTED_ERRORS, type ImportUpdate } from './import.schema.js';

/** A company's stored fields, as the import leaves them. */
export type CompanyState = Omit<KnownCompany, 'createdAt' | 'updatedAt'>;

export interface CompanyPlan extends CompanyState {
  /** The company before the import; null for one the import creates. */
  before: KnownCompany | null;
  /** Notes for its timeline, in the order of the file. */
  notes: string[];
  /** How many rows of the file went into it. */
  rows: number;
  /** The id the row that created it gave (a Rapport export's, from elsewhere): rows with another are other companies. */
  fileId: string | null;
}

const FIELDS = ['name', 'domains', 'industry', 'size', 'ownerId', 'teamId', 'tags', 'custom'] as const;

/** The fields that differ between two states of a company. */
export function changedFields(before: CompanyState, after: CompanyState): string[] {
  return FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

const stateOf = ({ id, name, domains, industry, size, ownerId, teamId, tags, custom }: CompanyState): CompanyState => ({
  id,
  name,
  domains: [...domains],
  industry,
  size,
  ownerId,
  teamId,
  tags: [...tags],
  custom: { ...custom },
});

/** Whether the importer may keep a company so owned: the companies' own rule (company.policy.ts), as a yes or no. */
function mayKeep(ctx: Ctx, ownerId: string | null, teamId: string | null): boolean {
  try {
    checkCompanyOwnership(ctx, ownerId, teamId);
    return true;
  } catch (error) {
    if (error instanceof RapportError && error.status === 403) return false;
    throw error;
  }
}

const NEW_COMPANY: OwnershipWords = {
  records: 'companies',
  withoutOwner: "the company is the importer's",
  withoutTeam: 'the company has no team',
};
const FOUND_COMPANY: OwnershipWords = {
  records: 'companies',
  withoutOwner: 'the company keeps its owner',
  withoutTeam: 'the company keeps its team',
};

export interface CompanyPlans {
  plans: CompanyPlan[];
  /** Rows that updated a company that was there before, or that an earlier row created. */
  updated: number;
  /** The first of those rows, with the company each updated. */
  updates: ImportUpdate[];
}

/** The column that gave the row the value it was matched by. */
function matchedColumn(row: ValidCompanyRow, by: MatchedBy): string {
  return by === 'domain' ? sourceOf(row, 'domains') : by === 'id' ? sourceOf(row, 'id') : sourceOf(row, 'name');
}

/**
 * Plans every row in file order against the workspace's companies the file may mean (`known`,
 * oldest first). A row already rejected (its problems instead of its values) and a row rejected
 * here change nothing, and are reported to `found` in the order of the file.
 */
export function planCompanies(
  ctx: Ctx,
  rows: readonly (ValidCompanyRow | RowProblem[])[],
  known: readonly KnownCompany[],
  fields: readonly CustomField[],
  owners: Owners,
  found: ReportBuilder,
): CompanyPlans {
  const index = new CompanyIndex<{ id: string; name: string; domains: readonly string[] }>(known);
  const knownById = new Map(known.map((company) => [company.id, company]));
  const plans = new Map<string, CompanyPlan>();
  const result: CompanyPlans = { plans: [], updated: 0, updates: [] };
  for (const row of rows) {
    if (Array.isArray(row)) {
      found.reject(row);
      continue;
    }
    const fileId = row.references.id?.toLowerCase() ?? null;
    let match = index.find({ id: fileId, domains: row.domains, name: row.name });
    // Rows the file gives different ids are different companies, whatever else they share (two companies may have one name).
    const earlier = match && plans.get(match.company.id);
    if (earlier && !earlier.before && earlier.fileId && fileId && earlier.fileId !== fileId) match = null;
    const plan = match ? (plans.get(match.company.id) ?? null) : null;
    const stored = match && !plan ? knownById.get(match.company.id)! : null;
    const base: CompanyState | null = plan ?? stored;
    const reject = (field: string, reason: string) => found.reject([{ row: row.row, field, reason }]);
    if (!base) {
      if (!row.name) {
        const reason = row.domains.length
          ? "a company needs a name: no company has the row's domains, so it would be a new one"
          : 'a company needs a name';
        reject(sourceOf(row, 'name'), reason);
        continue;
      }
    } else if (stored && !mayKeep(ctx, stored.ownerId, stored.teamId)) {
      reject(matchedColumn(row, match!.by), 'is that of a company you cannot see; you can only import companies you own');
      continue;
    }

    const skipped = [...row.skipped];
    const before: CompanyState = base ?? {
      id: newId(),
      name: row.name!,
      domains: [],
      industry: '',
      size: '',
      ownerId: ctx.actor.userId,
      teamId: null,
      tags: [],
      custom: {},
    };
    const next = stateOf(before);
    if (row.name) next.name = row.name;
    next.domains = [...new Set([...before.domains, ...row.domains])];
    if (row.industry !== undefined) next.industry = row.industry;
    if (row.size !== undefined) next.size = row.size;
    if (row.tags) next.tags = dedupeTags([...before.tags, ...row.tags]);
    if (row.custom) next.custom = mergeCustomValues(before.custom, row.custom);
    const words = base ? FOUND_COMPANY : ctx.actor.userId ? NEW_COMPANY : { ...NEW_COMPANY, withoutOwner: 'the company has no owner' };
    const chosen = ownershipOf(ctx, row.references, owners, words, (field, reason) =>
      skipped.push({ field: sourceOf(row, field), reason }),
    );
    if (chosen.ownerId !== undefined) next.ownerId = chosen.ownerId;
    if (chosen.teamId !== undefined) next.teamId = chosen.teamId;
    if (!mayKeep(ctx, next.ownerId, next.teamId)) {
      // Only the team can take it out of reach: ownershipOf gives a member limited to their own no other owner.
      const team = next.teamId ? quoted(next.teamId) : 'No team';
      skipped.push({ field: sourceOf(row, 'teamId'), reason: `${team} would take the company out of your reach; ${words.withoutTeam}` });
      next.teamId = before.teamId;
    }
    const customProblems = checkCustomValues(fields, row.custom ?? {}, next.custom, before.custom);
    if (customProblems.length) {
      found.reject(customProblems.map((p) => ({ row: row.row, field: sourceOf(row, p.field), reason: p.reason })));
      continue;
    }

    // Before the plan takes the row's values: an earlier row's plan is `before` itself.
    const changed = changedFields(before, next);
    const planned: CompanyPlan = plan ?? { ...next, before: stored, notes: [], rows: 0, fileId };
    Object.assign(planned, next);
    planned.notes.push(...row.notes);
    planned.rows++;
    if (!plan) {
      plans.set(planned.id, planned);
      result.plans.push(planned);
    }
    index.add(planned);
    found.skip(row.row, skipped);
    if (match) {
      result.updated++;
      if (result.updates.length < MAX_REPORTED_ERRORS) {
        result.updates.push({
          row: row.row,
          companyId: planned.id,
          company: planned.name,
          matchedBy: match.by,
          value: match.value,
          changed: row.notes.length ? [...changed, 'note'] : changed,
        });
      }
    }
  }
  return result;
}
