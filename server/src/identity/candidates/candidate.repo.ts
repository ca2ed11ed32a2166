/**
 * SQL for pairs a person should look at (`duplicate_candidates`): two contacts, or an identity and
 * a contact. Upserts rescore open pairs and never reopen one a reviewer decided.
 */
import type { Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { unnestOf } from '../../platform/db/unnest.js';
import type { Evidence } from '../matching/index.js';
import { runWrites, type WritePartAt } from '../../platform/db/write-part.js';

export interface CandidateInput {
  kind: 'contact' | 'identity';
  /** kind identity: the identity; kind contact: either contact (the pair is stored in uuid order). */
  leftId: string;
  rightId: string;
  probability: number;
  weight: number;
  decision: 'link' | 'review';
  evidence: readonly Evidence[];
  levels: readonly number[];
}

interface CandidateRow {
  id: string;
  kind: string;
  leftId: string;
  rightId: string;
  probability: number;
  weight: number;
  decision: string;
  evidence: string;
  levels: string;
}

const COLUMNS = [
  ['id', 'uuid', 'id'],
  ['kind', 'text', 'kind'],
  ['left_id', 'uuid', 'leftId'],
  ['right_id', 'uuid', 'rightId'],
  ['probability', 'real', 'probability'],
  ['weight', 'real', 'weight'],
  ['decision', 'text', 'decision'],
  ['evidence', 'jsonb', 'evidence'],
  ['levels', 'text', 'levels'],
] as const;

function row(candidate: CandidateInput): CandidateRow {
  const swap = candidate.kind === 'contact' && candidate.rightId < candidate.leftId;
  return {
    id: newId(),
    kind: candidate.kind,
    leftId: swap ? candidate.rightId : candidate.leftId,
    rightId: swap ? candidate.leftId : candidate.rightId,
    probability: candidate.probability,
    weight: candidate.weight,
    decision: candidate.decision,
    evidence: JSON.stringify(candidate.evidence),
    levels: `{${candidate.levels.join(',')}}`,
  };
}

/** Upserts pairs, alone or in a larger statement. */
export function candidateWrites(candidates: readonly CandidateInput[]): WritePartAt {
  return (first) => {
    if (candidates.length === 0) return null;
    // One statement may not touch a row twice: the last score of a repeated pair wins.
    const unique = new Map(candidates.map((candidate) => [pairKey(row(candidate)), row(candidate)]));
    const { params, from, names } = unnestOf(COLUMNS, [...unique.values()], first);
    return {
      ctes: '',
      sql: `INSERT INTO duplicate_candidates (workspace_id, ${names}, created_at, updated_at)
     SELECT $1, id, kind, left_id, right_id, probability, weight, decision, evidence, levels::smallint[], $2, $2 FROM ${from}
     ON CONFLICT (workspace_id, kind, left_id, right_id) DO UPDATE
       SET probability = EXCLUDED.probability, weight = EXCLUDED.weight, decision = EXCLUDED.decision,
           evidence = EXCLUDED.evidence, levels = EXCLUDED.levels, updated_at = EXCLUDED.updated_at
       WHERE duplicate_candidates.status = 'open'`,
      params,
    };
  };
}

export async function upsertCandidates(tx: Queryable, workspaceId: string, candidates: readonly CandidateInput[], at = new Date()) {
  await runWrites(tx, workspaceId, at, [candidateWrites(candidates)]);
}

function pairKey(candidate: CandidateRow): string {
  return `${candidate.kind}:${candidate.leftId}:${candidate.rightId}`;
}

/** Open pairs involving these contacts, once the contacts are gone: nothing left to review. */
export async function dropOpenCandidatesOfContacts(tx: Queryable, workspaceId: string, contactIds: readonly string[]): Promise<void> {
  await tx.query(
    `DELETE FROM duplicate_candidates
      WHERE workspace_id = $1 AND status = 'open'
        AND (right_id = ANY($2::uuid[]) OR (kind = 'contact' AND left_id = ANY($2::uuid[])))`,
    [workspaceId, contactIds],
  );
}
