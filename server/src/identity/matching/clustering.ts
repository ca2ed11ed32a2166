/**
 * Groups linked pairs into clusters of one person each (union–find, strongest links first), with a
 * guard against chaining: two groups are not joined when any pair compared across them was judged
 * a confident non-match, nor when the result would exceed the size cap. So A≈B and B≈C cannot pull
 * a clearly different C in with A.
 */

export interface Link {
  left: number;
  right: number;
  weight: number;
}

export interface ClusterOptions {
  maxClusterSize: number;
  /** A pair compared across two groups with a weight below this keeps them apart. */
  vetoBelow: number;
}

/** `weights.get(pairCode(a, b, count))` is the weight of a compared pair. */
export function pairCode(a: number, b: number, count: number): number {
  return a < b ? a * count + b : b * count + a;
}

export function clusterLinks(
  count: number,
  links: readonly Link[],
  weights: ReadonlyMap<number, number>,
  options: ClusterOptions,
): number[][] {
  const parent = Int32Array.from({ length: count }, (_, index) => index);
  const members = new Map<number, number[]>();
  const find = (position: number): number => {
    let root = position;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[position] !== root) [position, parent[position]] = [parent[position]!, root];
    return root;
  };
  const groupOf = (root: number) => members.get(root) ?? [root];
  const vetoed = (left: number[], right: number[]) =>
    left.some((a) => right.some((b) => (weights.get(pairCode(a, b, count)) ?? 0) < options.vetoBelow));

  for (const link of [...links].sort((a, b) => b.weight - a.weight)) {
    const [rootLeft, rootRight] = [find(link.left), find(link.right)];
    if (rootLeft === rootRight) continue;
    const [left, right] = [groupOf(rootLeft), groupOf(rootRight)];
    if (left.length + right.length > options.maxClusterSize || vetoed(left, right)) continue;
    parent[rootRight] = rootLeft;
    members.set(rootLeft, [...left, ...right]);
    members.delete(rootRight);
  }
  return [...members.values()];
}
