import { describe, expect, it } from 'vitest';
import { moveRule, type RuleMove } from './rule-order';

const rules = (...positions: number[]) => positions.map((position, i) => ({ id: `r${i}`, position }));

/** The order the server lists the rules in once the moves are saved: by position, then id. */
function orderAfter(list: { id: string; position: number }[], moves: RuleMove[]): string[] {
  const saved = list.map((rule) => ({ ...rule, position: moves.find((m) => m.id === rule.id)?.position ?? rule.position }));
  return saved.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id)).map((rule) => rule.id);
}

describe('moving a routing rule', () => {
  it('trades positions with the neighbour when every position is distinct', () => {
    const list = rules(0, 4, 9);
    expect(moveRule(list, 1, 'up')).toEqual([
      { id: 'r1', position: 0 },
      { id: 'r0', position: 4 },
    ]);
    expect(orderAfter(list, moveRule(list, 1, 'down'))).toEqual(['r0', 'r2', 'r1']);
  });

  it('numbers the list afresh when positions repeat, so the move is not undone by the tie-break', () => {
    const list = rules(3, 3, 4);
    const moves = moveRule(list, 2, 'up');
    expect(orderAfter(list, moves)).toEqual(['r0', 'r2', 'r1']);
    expect(moves).toEqual([
      { id: 'r0', position: 0 },
      { id: 'r2', position: 1 },
      { id: 'r1', position: 2 },
    ]);
  });

  it('saves only the positions that change when numbering afresh', () => {
    expect(moveRule(rules(0, 1, 1), 2, 'up')).toEqual([{ id: 'r1', position: 2 }]);
  });

  it('does nothing past either end', () => {
    expect(moveRule(rules(0, 1), 0, 'up')).toEqual([]);
    expect(moveRule(rules(0, 1), 1, 'down')).toEqual([]);
  });
});
