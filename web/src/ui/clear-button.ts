/**
 * The clear button of a clearable select, reachable by keyboard and screen readers. Mantine hides it
 * from both, as picking the chosen option again also clears; our selects turn that off
 * (`allowDeselect={false}`, so re-picking a value keeps it), which leaves this button the only way.
 */
import type { MouseEvent } from 'react';

export function reachableClearButton(name: string) {
  return {
    'aria-label': name,
    // Left out rather than "false": Mantine's focus trap skips anything with an aria-hidden attribute.
    'aria-hidden': undefined,
    tabIndex: 0,
    // Mantine's 22 px button is below WCAG 2.2's 24 px minimum target, and sits against the input.
    size: '1.5rem',
    // The button goes with the value; the focus goes back to the select, not to the page body.
    onClick: (event: MouseEvent<HTMLButtonElement>) => {
      let box = event.currentTarget.parentElement;
      while (box && !box.querySelector('input')) box = box.parentElement;
      box?.querySelector('input')?.focus();
    },
  } as const;
}
