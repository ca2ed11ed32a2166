import type { Db } from '../../platform/db/db.js';

/** A database that counts its transactions: how many in all, and most open at once. */
export function watchedTransactions(db: Db) {
  const seen = { active: 0, most: 0, total: 0 };
  const wrapped: Db = {
    ...db,
    kind: db.kind,
    query: db.query.bind(db),
    exec: db.exec.bind(db),
    copyCsv: db.copyCsv.bind(db),
    close: db.close.bind(db),
    async transaction(work) {
      seen.active++;
      seen.total++;
      seen.most = Math.max(seen.most, seen.active);
      try {
        return await db.transaction(work);
      } finally {
        seen.active--;
      }
    },
  };
  return { db: wrapped, seen };
}
