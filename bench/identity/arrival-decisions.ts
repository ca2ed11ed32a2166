/**
 * What matching on arrival decided for each measured arrival, against who the generator made it:
 * a figure of quality beside the latency one, so that a change that makes arrivals cheaper is seen
 * to keep (or not) the decisions they make.
 */
import type { Db } from '../../server/src/platform/db/db.js';

export interface JudgedArrival {
  kind: string;
  id: string;
  /** The known person it duplicates (`bench_entities.entity`); null for someone no contact is. */
  entity: string | null;
}

/** Outcomes per kind of arrival. */
export interface DecisionCounts {
  arrivals: number;
  /** Linked to a contact of the person it is. */
  linkedRight: number;
  /** Linked to a contact that existed before the arrivals and is somebody else: two people taken for one. */
  linkedWrong: number;
  /**
   * Of those, linked to a contact holding the arrival's own address: the generator gives common
   * names' addresses (john.smith@gmail.com) to several people, and an arrival with nothing but the
   * address and the name cannot tell them apart.
   */
  linkedWrongSameAddress: number;
  /** Not linked, a contact of the person it is among its review pairs. */
  reviewRight: number;
  /** Not linked, review pairs only with other contacts. */
  reviewWrong: number;
  /** Linked to a contact made for it on arrival (an unknown e-mail sender). */
  newContact: number;
  /** Neither linked nor queued. */
  nothing: number;
}

interface OutcomeRow {
  id: string;
  contactId: string | null;
  /** The person the linked contact is, when it is a known one. */
  linkedEntity: string | null;
  /** Whether the linked contact holds the identity's address. */
  holdsAddress: boolean | null;
  /** The persons its review pairs' contacts are. */
  reviewed: string[];
}

export async function arrivalDecisions(
  db: Db,
  workspaceId: string,
  arrivals: readonly JudgedArrival[],
): Promise<Record<string, DecisionCounts>> {
  const { rows } = await db.query<OutcomeRow>(
    `SELECT s.id, s.contact_id AS "contactId", e.entity AS "linkedEntity",
            c.emails @> jsonb_build_array(jsonb_build_object('address', lower(s.email))) AS "holdsAddress",
            coalesce(array_agg(de.entity) FILTER (WHERE de.entity IS NOT NULL), '{}') AS reviewed
       FROM social_identities s
       LEFT JOIN bench_entities e ON e.contact_id = s.contact_id
       LEFT JOIN contacts c ON c.workspace_id = s.workspace_id AND c.id = s.contact_id
       LEFT JOIN duplicate_candidates d
              ON d.workspace_id = s.workspace_id AND d.kind = 'identity' AND d.left_id = s.id AND d.status = 'open'
       LEFT JOIN bench_entities de ON de.contact_id = d.right_id
      WHERE s.workspace_id = $1 AND s.id = ANY($2::uuid[])
      GROUP BY s.id, s.contact_id, s.email, e.entity, c.emails`,
    [workspaceId, arrivals.map((arrival) => arrival.id)],
  );
  const outcomes = new Map(rows.map((row) => [row.id, row]));
  const counts: Record<string, DecisionCounts> = {};
  for (const arrival of arrivals) {
    const outcome = outcomes.get(arrival.id);
    if (!outcome) throw new Error(`arrival ${arrival.id} is not stored`);
    const count = (counts[arrival.kind] ??= {
      arrivals: 0,
      linkedRight: 0,
      linkedWrong: 0,
      linkedWrongSameAddress: 0,
      reviewRight: 0,
      reviewWrong: 0,
      newContact: 0,
      nothing: 0,
    });
    count.arrivals++;
    if (outcome.contactId !== null) {
      if (outcome.linkedEntity === null) count.newContact++;
      else if (outcome.linkedEntity === arrival.entity) count.linkedRight++;
      else {
        count.linkedWrong++;
        if (outcome.holdsAddress) count.linkedWrongSameAddress++;
      }
    } else if (outcome.reviewed.length === 0) count.nothing++;
    else if (arrival.entity !== null && outcome.reviewed.includes(arrival.entity)) count.reviewRight++;
    else count.reviewWrong++;
  }
  return counts;
}
