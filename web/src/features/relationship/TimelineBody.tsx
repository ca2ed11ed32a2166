/**
 * The text of a timeline entry, as typed: plain text with its line breaks, never markup, its web
 * addresses as links. A long one shows its beginning first, with a button to read the rest where it stands.
 */
import { useId, useState } from 'react';
import { Button, Text } from '@mantine/core';
import { ExternalLink } from '../../ui/ExternalLink';
import { bodyPreview } from './timeline-body';
import { textParts } from './text-links';

export function TimelineBody({ body }: { body: string }) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const preview = bodyPreview(body);
  return (
    <>
      <Text id={id} size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir="auto">
        {textParts(expanded || preview === null ? body : preview).map((part, i) =>
          part.url ? (
            <ExternalLink key={i} href={part.url}>
              {part.text}
            </ExternalLink>
          ) : (
            part.text
          ),
        )}
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
