/**
 * The query text box with syntax highlighting: a transparent textarea (so typing, selection,
 * undo and screen readers behave natively) over a painted copy coloured by the server's tokens,
 * with the error underlined and described for assistive technology.
 */
import { useLayoutEffect, useRef } from 'react';
import { Input } from '@mantine/core';
import { highlightSegments, type HighlightSegment } from './query-highlight';
import type { QueryCheck } from './types';
import classes from './QueryEditor.module.css';

const KIND_CLASSES: Record<string, string | undefined> = {
  operator: classes.operator,
  near: classes.near,
  field: classes.field,
  phrase: classes.phrase,
  exact: classes.exact,
  wildcard: classes.wildcard,
  hashtag: classes.hashtag,
  mention: classes.mention,
  paren: classes.paren,
  error: classes.error,
};

function classOf(segment: HighlightSegment): string | undefined {
  const problem = segment.problem === 'error' ? classes.problemError : segment.problem === 'warning' ? classes.problemWarning : undefined;
  return [KIND_CLASSES[segment.kind], problem].filter(Boolean).join(' ') || undefined;
}

export function QueryEditor({
  id,
  value,
  onChange,
  check,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The latest check, possibly of a slightly older text; null before the first one. */
  check: QueryCheck | null;
  describedBy?: string;
}) {
  const input = useRef<HTMLTextAreaElement>(null);
  // The box grows with the text instead of scrolling: a scrollbar would narrow the textarea but not the paint.
  useLayoutEffect(() => {
    const box = input.current;
    if (!box) return;
    box.style.height = 'auto';
    box.style.height = `${box.scrollHeight + 2}px`;
  }, [value]);
  const segments = highlightSegments(value, check?.tokens ?? [], check?.error, check?.warnings);
  return (
    <Input.Wrapper label="Query" labelProps={{ htmlFor: id }} required>
      <div className={classes.editor}>
        <pre className={classes.paint} aria-hidden>
          {segments.map((segment) => (
            <span key={`${segment.start}-${segment.end}`} className={classOf(segment)}>
              {segment.text}
            </span>
          ))}
          {/* A final newline is not drawn by a <pre> but is by the textarea: keep their heights equal. */}
          {value.endsWith('\n') && ' '}
        </pre>
        <textarea
          ref={input}
          id={id}
          className={classes.input}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          required
          rows={5}
          aria-invalid={check?.ok === false}
          aria-describedby={describedBy}
        />
      </div>
    </Input.Wrapper>
  );
}
