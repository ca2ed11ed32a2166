/**
 * The durable job that runs a started import of contacts or companies. Idempotent: the outcome is
 * recorded in the same transaction as the records, so a job picked up again after a crash either finds the import
 * finished and stops, or finds nothing written and starts over.
 */
import { Type } from 'typebox';
import { defineJob } from '../../platform/jobs/job.js';
import { RapportError } from '../../platform/http/errors.js';
import { Uuid } from '../../platform/http/schemas.js';
import * as repo from './import.repo.js';
import type { ImportReport } from './import.schema.js';
import { importInto } from './import.service.js';

const failed = (reason: string, total = 0): ImportReport => ({
  status: 'failed',
  total,
  processed: 0,
  imported: 0,
  rejected: 0,
  companiesCreated: 0,
  errors: [{ row: 0, field: 'file', reason }],
  skipped: [],
});

export const runImportJob = defineJob({
  name: 'crm.import.run',
  payload: Type.Object({ workspaceId: Uuid, importId: Uuid }),
  maxAttempts: 3,
  async handler({ db, log }, { workspaceId, importId }) {
    const work = await repo.findImportWork(db, workspaceId, importId);
    if (!work || work.status !== 'running' || work.content === null) return;
    const actor = work.createdBy ? await repo.memberActor(db, workspaceId, work.createdBy) : null;
    if (!actor) {
      await repo.finishImport(db, workspaceId, importId, failed('the member who started the import has left the workspace'));
      return;
    }
    const ctx = { workspaceId, actor, db, requestId: `import:${importId}` };
    try {
      await importInto(work.target)(ctx, db, {
        format: work.format,
        content: work.content,
        mapping: work.mapping ?? undefined,
        allowPartial: work.allowPartial,
        importId,
        // PGlite has a single connection that the write transaction holds, so progress becomes
        // visible only with the result; PostgreSQL shows it live from another pooled connection.
        onProgress:
          db.kind === 'postgres' ? (processed, total) => repo.updateProgress(db, workspaceId, importId, processed, total) : undefined,
        onFinish: (q, report) => repo.finishImport(q, workspaceId, importId, report),
      });
    } catch (error) {
      if (!(error instanceof RapportError)) log.error({ err: error, importId }, 'import failed');
      const reason =
        error instanceof RapportError
          ? [error.message, ...error.fields.map((f) => `${f.field} ${f.reason}`)].join('; ')
          : 'the import stopped on an internal error; nothing was imported';
      await repo.finishImport(db, workspaceId, importId, failed(reason));
    }
  },
});
