/**
 * Text typed into a filter: shown at once, reported once typing pauses, and replaced when the
 * value changes from outside (a link, the back button) but not by the echo of what was reported.
 */
import { useEffect, useRef, useState } from 'react';
import { useDebouncedCallback } from '@mantine/hooks';

export function useDebouncedText(value: string, report: (text: string) => void) {
  const [text, setText] = useState(value);
  const reported = useRef(value);
  const later = useDebouncedCallback((next: string) => {
    reported.current = next;
    report(next);
  }, 250);
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(value);
    }
  }, [value]);
  return {
    text,
    /** What was typed: shown now, reported after the pause. */
    change(next: string) {
      setText(next);
      later(next);
    },
    /** Emptied and reported at once (a clear button). */
    clear() {
      setText('');
      reported.current = '';
      report('');
    },
  };
}
