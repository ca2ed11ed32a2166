/**
 * Moving a routing rule up or down the list. Rules are tried by ascending position (the first
 * that matches wins), but the API lets positions repeat or leave gaps: trading two positions only
 * reorders when every position is distinct, else the list is numbered afresh from 0.
 */
import type { RoutingRule } from './types';

/** A position to save for one rule. */
export interface RuleMove {
  id: string;
  position: number;
}

export type MoveDirection = 'up' | 'down';

type Placed = Pick<RoutingRule, 'id' | 'position'>;

const strictlyIncreasing = (rules: readonly Placed[]) => rules.every((rule, i) => i === 0 || rule.position > rules[i - 1]!.position);

/** The positions to save so the rule at `index` (of `rules`, in the order they are tried) trades places with its neighbour. */
export function moveRule(rules: readonly Placed[], index: number, direction: MoveDirection): RuleMove[] {
  const other = direction === 'up' ? index - 1 : index + 1;
  const moving = rules[index];
  const neighbour = rules[other];
  if (!moving || !neighbour) return [];
  if (strictlyIncreasing(rules)) {
    return [
      { id: moving.id, position: neighbour.position },
      { id: neighbour.id, position: moving.position },
    ];
  }
  const order = [...rules];
  order[index] = neighbour;
  order[other] = moving;
  return order.flatMap((rule, position) => (rule.position === position ? [] : [{ id: rule.id, position }]));
}
