/** What a page shows when loading its data failed: in words, with the reference to quote when reporting it. */
import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { FailureMessage } from './FailureMessage';

export function QueryError({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" role="alert" title={title} icon={<IconAlertTriangle size={18} />}>
      <FailureMessage error={error} />
      {onRetry && (
        <Button variant="subtle" color="red" size="xs" mt={4} onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
