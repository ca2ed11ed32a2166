/**
 * A failed request as the user reads it: a sentence, the reason for each field it names, and the
 * reference to quote when reporting it (the server's request id, which its log gives with a failure
 * on its side).
 */
import { List, Text } from '@mantine/core';
import { actionFailure, type ActionFailure } from './form-problems';

/** Small, and selected whole with one click, so it is copied without a stray character. */
export function FailureReference({ reference }: { reference: string | null }) {
  if (!reference) return null;
  return (
    <Text size="xs" mt={4}>
      Reference:{' '}
      <Text span inherit ff="monospace" style={{ userSelect: 'all' }}>
        {reference}
      </Text>
    </Text>
  );
}

/** What is shown for something thrown that is not an error: nothing is known but that it failed. */
const UNKNOWN: ActionFailure = { message: 'Something went wrong.', reasons: [], reference: null };

/** `color` is the text's, where the failure is not in an alert of its own colour (a dialog's body). */
export function FailureMessage({ error, color }: { error: unknown; color?: string }) {
  const failure = actionFailure(error) ?? UNKNOWN;
  return (
    <>
      <Text size="sm" c={color}>
        {failure.message}
      </Text>
      {failure.reasons.length > 0 && (
        <List size="sm" c={color} mt={4}>
          {failure.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      )}
      <FailureReference reference={failure.reference} />
    </>
  );
}
