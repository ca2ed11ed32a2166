/** Claims due jobs with SKIP LOCKED (safe with several servers) and runs them with retries. */
import type { Db } from '../db/db.js';
import type { Logger } from '../observability/logger.js';
import { enqueueJob, validatePayload, type JobDefinition } from './job.js';

interface JobRow {
  id: number;
  workspace_id: string | null;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  unique_key: string | null;
}

const LOCK_SECONDS = 300;

export interface JobRunner {
  /** Runs every job due at `now`; returns how many ran. Tests call it inline. */
  runDue(now?: Date): Promise<number>;
  /** Makes sure every recurring job has its next run queued. */
  scheduleRecurring(): Promise<void>;
  start(pollMs: number): void;
  stop(): Promise<void>;
}

export function createJobRunner(db: Db, definitions: readonly JobDefinition[], log: Logger): JobRunner {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  // A runner claims only jobs it can run, so processes with different sets of jobs can share the table.
  const names = [...byName.keys()];
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<number> | null = null;
  let stopping = false;

  async function claim(now: Date): Promise<JobRow | null> {
    const { rows } = await db.query<JobRow>(
      `UPDATE jobs SET locked_until = $1::timestamptz + interval '${LOCK_SECONDS} seconds', attempts = attempts + 1
        WHERE id = (
          SELECT id FROM jobs
           WHERE status = 'queued' AND run_at <= $1 AND (locked_until IS NULL OR locked_until < $1) AND name = ANY($2::text[])
           ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, workspace_id, name, payload, attempts, max_attempts, unique_key`,
      [now, names],
    );
    return rows[0] ?? null;
  }

  /** More due jobs of a batched kind, for the same workspace as the one claimed first. */
  async function claimBatch(first: JobRow, size: number, now: Date): Promise<JobRow[]> {
    if (size <= 1) return [first];
    const { rows } = await db.query<JobRow>(
      `UPDATE jobs SET locked_until = $1::timestamptz + interval '${LOCK_SECONDS} seconds', attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM jobs
           WHERE status = 'queued' AND run_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
             AND name = $2 AND workspace_id IS NOT DISTINCT FROM $3::uuid AND id <> $4
           ORDER BY run_at LIMIT $5 FOR UPDATE SKIP LOCKED)
        RETURNING id, workspace_id, name, payload, attempts, max_attempts, unique_key`,
      [now, first.name, first.workspace_id, first.id, size - 1],
    );
    return [first, ...rows];
  }

  async function fail(job: JobRow, definition: JobDefinition | undefined, error: unknown, now: Date): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const finalAttempt = job.attempts >= job.max_attempts;
    const delay = definition?.backoffMs?.(job.attempts) ?? Math.min(2 ** job.attempts * 1000, 3_600_000);
    log.warn({ job: job.name, jobId: job.id, attempt: job.attempts, err: message }, 'job failed');
    await db.query(
      `UPDATE jobs SET status = $2, last_error = $3, locked_until = NULL,
              run_at = $4, unique_key = CASE WHEN $2 = 'failed' THEN NULL ELSE unique_key END
        WHERE id = $1`,
      [job.id, finalAttempt ? 'failed' : 'queued', message.slice(0, 2000), new Date(now.getTime() + delay)],
    );
  }

  // Done jobs give up their unique key so a recurring timer can queue its next run.
  async function markDone(jobs: readonly JobRow[]): Promise<void> {
    await db.query(`UPDATE jobs SET status = 'done', locked_until = NULL, unique_key = NULL WHERE id = ANY($1::bigint[])`, [
      jobs.map((job) => job.id),
    ]);
  }

  async function runOne(job: JobRow, now: Date): Promise<void> {
    const definition = byName.get(job.name);
    try {
      if (!definition) throw new Error(`no job is registered under the name ${job.name}`);
      validatePayload(definition, job.payload);
      const finalAttempt = job.attempts >= job.max_attempts;
      await definition.handler({ db, workspaceId: job.workspace_id, log, now, finalAttempt }, job.payload as never);
      await markDone([job]);
      if (definition.everyMs && job.unique_key) {
        await enqueueJob(db, definition, job.payload, {
          workspaceId: job.workspace_id,
          runAt: new Date(now.getTime() + definition.everyMs),
          uniqueKey: job.unique_key,
        });
      }
    } catch (error) {
      await fail(job, definition, error, now);
    }
  }

  async function runBatch(jobs: readonly JobRow[], definition: JobDefinition, batch: NonNullable<JobDefinition['batch']>, now: Date) {
    const valid: JobRow[] = [];
    for (const job of jobs) {
      try {
        validatePayload(definition, job.payload);
        valid.push(job);
      } catch (error) {
        await fail(job, definition, error, now);
      }
    }
    if (valid.length === 0) return;
    const finalAttempt = valid.every((job) => job.attempts >= job.max_attempts);
    try {
      await batch.handler({ db, workspaceId: valid[0]!.workspace_id, log, now, finalAttempt }, valid.map((job) => job.payload) as never);
      await markDone(valid);
    } catch (error) {
      for (const job of valid) await fail(job, definition, error, now);
    }
  }

  async function runDue(now = new Date()): Promise<number> {
    let count = 0;
    // Stopping ends the pass after the job (or batch) in hand: a backlog must not hold up shutdown.
    while (!stopping) {
      const job = await claim(now);
      if (!job) return count;
      const definition = byName.get(job.name);
      if (definition?.batch) {
        const jobs = await claimBatch(job, definition.batch.size, now);
        await runBatch(jobs, definition, definition.batch, now);
        count += jobs.length;
      } else {
        await runOne(job, now);
        count++;
      }
    }
    return count;
  }

  return {
    runDue,
    async scheduleRecurring() {
      for (const definition of definitions) {
        if (!definition.everyMs) continue;
        await enqueueJob(db, definition, {}, { uniqueKey: `recurring:${definition.name}` });
      }
    },
    start(pollMs) {
      if (timer) return;
      stopping = false;
      timer = setInterval(() => {
        if (current) return;
        current = runDue()
          .catch((error) => {
            log.error({ err: error }, 'job runner failed');
            return 0;
          })
          .finally(() => {
            current = null;
          });
      }, pollMs);
      timer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      await current;
    },
  };
}
