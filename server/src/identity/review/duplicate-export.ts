/**
 * Duplicate pairs for review outside the app: every contact pair of a status, strongest first,
 * read in pages; or the groups they form (connected components: A≈B and B≈C make one group).
 */
import type { Queryable } from '../../platform/db/db.js';
import { exportContactPairs, type ExportedPair } from './duplicate.repo.js';
import type { DuplicateStatus } from './duplicate.schema.js';

export type { ExportedPair } from './duplicate.repo.js';

const PAGE = 2_000;

export async function* contactPairPages(db: Queryable, workspaceId: string, status: DuplicateStatus): AsyncGenerator<ExportedPair[]> {
  for (let after: { probability: number; id: string } | null = null; ;) {
    const page = await exportContactPairs(db, workspaceId, status, after, PAGE);
    if (page.length > 0) yield page;
    if (page.length < PAGE) return;
    const last = page[page.length - 1]!;
    after = { probability: last.probability, id: last.id };
  }
}

export interface ClusterMember {
  cluster: number;
  contactId: string;
  name: string;
  emails: string[];
}

/** Groups numbered from 1 in the order their strongest pair comes; members in the order they were reached. */
export function clustersOf(pairs: readonly ExportedPair[]): ClusterMember[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const members = new Map<string, { name: string; emails: string[] }>();
  for (const pair of pairs) {
    for (const [id, name, emails] of [
      [pair.leftId, pair.leftName, pair.leftEmails],
      [pair.rightId, pair.rightName, pair.rightEmails],
    ] as const) {
      if (!members.has(id)) {
        members.set(id, { name, emails });
        parent.set(id, id);
      }
    }
    parent.set(find(pair.rightId), find(pair.leftId));
  }
  const numbers = new Map<string, number>();
  const rows: ClusterMember[] = [];
  for (const [contactId, member] of members) {
    const root = find(contactId);
    if (!numbers.has(root)) numbers.set(root, numbers.size + 1);
    rows.push({ cluster: numbers.get(root)!, contactId, ...member });
  }
  return rows.sort((a, b) => a.cluster - b.cluster);
}
