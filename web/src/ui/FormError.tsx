/**
 * A failed save, summarised above the form (the fields also show their own problems). Each new
 * failure takes the focus and comes into view: the submit button that was pressed is disabled while
 * saving, so the focus has fallen to the page body, and in a long dialog scrolled to its buttons the
 * summary would be out of sight.
 */
import { useEffect, useRef } from 'react';
import { Alert } from '@mantine/core';

export function FormError({ error }: { error: unknown }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!(error instanceof Error)) return;
    summary.current?.focus({ preventScroll: true });
    // Centred, not at the top edge, where a dialog's sticky header would cover it.
    summary.current?.scrollIntoView({ block: 'center' });
  }, [error]);
  if (!(error instanceof Error)) return null;
  return (
    <Alert ref={summary} tabIndex={-1} color="red" role="alert" title="Could not save">
      {error.message}
    </Alert>
  );
}
