/**
 * The text of a timeline entry, as typed: plain text with its line breaks, never markup. A long one
 * shows its beginning first, with a button to read the rest where it stands.
 */
import { useId, useState } from 'react';
import { Button, Text } from '@mantine/core';
import { bodyPreview } from './timeline-body';

export function TimelineBody({ body }: { body: string }) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const preview = bodyPreview(body);
  return (
    <>
      <Text id={id} size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir="auto">
        {expanded || preview === null ? body : preview}
      </Text>
      {preview !== null && (
        <Button
          variant="subtle"
          size="compact-xs"
          px={0}
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded((open) => !open)}
        >
          {expanded ? 'Show less' : 'Show more'}
        </Button>
      )}
    </>
  );
}
