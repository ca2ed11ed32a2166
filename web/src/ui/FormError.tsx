/** A failed save, summarised above the form (the fields also show their own problems). */
import { Alert } from '@mantine/core';

export function FormError({ error }: { error: unknown }) {
  if (!(error instanceof Error)) return null;
  return (
    <Alert color="red" role="alert" title="Could not save">
      {error.message}
    </Alert>
  );
}
