/**
 * Checks on a whole parsed query, after its syntax is known to be right: that it has something
 * positive to look for (a NOT alone would match nearly every message), and which parts repeat or
 * are already covered by another part.
 */
import type { QueryError, QueryNode, QueryWarning } from './query.ast.js';
import { compileWildcard } from './wildcard.js';

/** Whether the node can only match by the presence of something (not merely by an absence). */
function positive(node: QueryNode): boolean {
  switch (node.kind) {
    case 'not':
      return false;
    case 'and':
      return node.children.some(positive);
    case 'or':
      return node.children.every(positive);
    default:
      return true;
  }
}

/** The innermost part that makes a node match by absence only. */
function culprit(node: QueryNode): { node: QueryNode; inOr: boolean } {
  if (node.kind === 'and') return culprit(node.children[0]!);
  if (node.kind === 'or') {
    const branch = node.children.find((child) => !positive(child))!;
    return { node: culprit(branch).node, inOr: true };
  }
  return { node, inOr: false };
}

function notOnly(root: QueryNode): QueryError | null {
  if (positive(root)) return null;
  const found = culprit(root);
  const message = found.inOr
    ? 'Each side of OR needs something to look for: a side with only NOT would match nearly every message'
    : 'The query only says what to leave out: add what to look for, e.g. brand AND NOT spam';
  return { code: 'not-only', message, position: found.node.start, length: found.node.end - found.node.start };
}

/** A comparable form of a leaf, or null for operators. */
function leafKey(node: QueryNode): string | null {
  switch (node.kind) {
    case 'words':
      return `w:${node.words.map((w) => (w.caseSensitive ? '=' : '') + w.text).join(' ')}~${node.proximity ?? ''}`;
    case 'hashtag':
      return `#${node.tag}`;
    case 'mention':
      return `@${node.handle}`;
    case 'field':
      return `${node.field}:${node.value}`;
    default:
      return null;
  }
}

const singlePlainWord = (node: QueryNode) =>
  node.kind === 'words' && node.words.length === 1 && node.proximity === null && !node.words[0]!.caseSensitive ? node.words[0]! : null;

function redundancies(node: QueryNode, warnings: QueryWarning[]) {
  if (node.kind === 'not') return redundancies(node.child, warnings);
  if (node.kind === 'near') {
    redundancies(node.left, warnings);
    return redundancies(node.right, warnings);
  }
  if (node.kind !== 'and' && node.kind !== 'or') return;
  const seen = new Set<string>();
  const repeats = new Set<QueryNode>();
  for (const child of node.children) {
    redundancies(child, warnings);
    const key = leafKey(child);
    if (key === null) continue;
    if (seen.has(key)) {
      repeats.add(child);
      warnings.push({
        code: 'redundant-term',
        message: `This appears twice in the same ${node.kind.toUpperCase()} list; the repeat changes nothing`,
        position: child.start,
        length: child.end - child.start,
      });
    }
    seen.add(key);
  }
  if (node.kind !== 'or') return;
  const wildcards = node.children.map(singlePlainWord).filter((word) => word?.wildcard);
  for (const child of node.children) {
    const word = singlePlainWord(child);
    if (!word || word.wildcard || repeats.has(child)) continue;
    const cover = wildcards.find((w) => compileWildcard(w!.text)(word.text));
    if (cover) {
      warnings.push({
        code: 'redundant-term',
        message: `"${word.text}" is already matched by ${cover.text} in the same OR list`,
        position: child.start,
        length: child.end - child.start,
      });
    }
  }
}

export function checkMeaning(root: QueryNode): { error: QueryError | null; warnings: QueryWarning[] } {
  const warnings: QueryWarning[] = [];
  redundancies(root, warnings);
  return { error: notOnly(root), warnings };
}
