/**
 * The identities part of the full pass: every identity never matched goes through arrival
 * matching (rules, then the model just stored), a page per transaction, as if it had just arrived.
 */
import type { Db } from '../../platform/db/db.js';
import { matchArrivedIdentities } from '../arrival/match-identities.js';
import { countLinked, unmatchedIdentityIds } from './full-pass.repo.js';

const PAGE = 500;

export async function matchUnmatchedIdentities(db: Db, workspaceId: string): Promise<{ matched: number; linked: number }> {
  let [matched, linked] = [0, 0];
  for (let after: string | null = null; ;) {
    const ids = await unmatchedIdentityIds(db, workspaceId, after, PAGE);
    if (ids.length === 0) break;
    await db.transaction((tx) => matchArrivedIdentities(tx, workspaceId, ids));
    matched += ids.length;
    linked += await countLinked(db, workspaceId, ids);
    after = ids[ids.length - 1]!;
  }
  return { matched, linked };
}
