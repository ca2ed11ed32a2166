/**
 * A failed save, summarised above the form in its own words: the inputs the server refused, by
 * their labels, what it refused on fields the form does not show (the inputs also show their own
 * problems), and the reference to quote when reporting it. Each new failure takes the focus and
 * comes into view: the submit button that was pressed is disabled while saving, so the focus has
 * fallen to the page body, and in a long dialog scrolled to its buttons the summary would be out
 * of sight.
 */
import { useEffect, useRef } from 'react';
import { Alert, List } from '@mantine/core';
import { FailureReference } from './FailureMessage';
import { failureReference, formErrorSummary, type FieldLabels } from './form-problems';

/**
 * `labels` names the form's inputs by API path, as `fieldErrors` takes them: one record, passed to
 * both. `title` says what failed, where that was not saving the form (reading a file, say).
 */
export function FormError({ error, labels, title = 'Could not save' }: { error: unknown; labels: FieldLabels; title?: string }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!(error instanceof Error)) return;
    summary.current?.focus({ preventScroll: true });
    // Centred, not at the top edge, where a dialog's sticky header would cover it.
    summary.current?.scrollIntoView({ block: 'center' });
  }, [error]);
  const lines = formErrorSummary(error, labels);
  if (lines.length === 0) return null;
  return (
    <Alert ref={summary} tabIndex={-1} color="red" role="alert" title={title}>
      {lines.length === 1 ? (
        lines[0]
      ) : (
        <List size="sm">
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
      <FailureReference reference={failureReference(error)} />
    </Alert>
  );
}
