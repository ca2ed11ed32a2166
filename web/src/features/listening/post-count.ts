/** How the stream says how many posts it holds: exact up to the server's bound, "more than" past it. */
import { formatNumber } from '../../lib/format';
import type { PostCount } from './types';

/** "1 post", "1,234 posts", "More than 10,000 posts". */
export function postCountLabel({ count, exact }: PostCount): string {
  if (!exact) return `More than ${formatNumber(count)} posts`;
  return count === 1 ? '1 post' : `${formatNumber(count)} posts`;
}
