/** How much work waits in the job queue, by job name: what an operator watches to see it keep up. */
import type { Queryable } from '../db/db.js';

export interface JobBacklog {
  name: string;
  /** Queued and due now: waiting for a runner. */
  due: number;
  /** Queued for later (a delayed job, the next run of a recurring one). */
  scheduled: number;
  /** How long the oldest due job has been due; 0 when none is. */
  oldestDueSeconds: number;
}

export async function jobBacklog(db: Queryable): Promise<JobBacklog[]> {
  const { rows } = await db.query<JobBacklog>(
    `SELECT name, count(*) FILTER (WHERE run_at <= now())::int AS due, count(*) FILTER (WHERE run_at > now())::int AS scheduled,
            coalesce(extract(epoch FROM now() - min(run_at) FILTER (WHERE run_at <= now())), 0)::float8 AS "oldestDueSeconds"
       FROM jobs WHERE status = 'queued' GROUP BY name ORDER BY name`,
  );
  return rows;
}
