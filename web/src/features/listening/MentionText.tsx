/**
 * A mention's text, cut to four lines with "Show more" when it is longer. A plain disclosure:
 * Mantine's Spoiler made every card's text a landmark region, dozens on one stream.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { Anchor, Box, Text } from '@mantine/core';
import { useElementSize, useMergedRef } from '@mantine/hooks';

const LINES = 4;

export function MentionText({ text }: { text: string }) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const [cut, setCut] = useState(false);
  const paragraph = useRef<HTMLParagraphElement>(null);
  const { ref: sized, width } = useElementSize<HTMLParagraphElement>();
  const ref = useMergedRef(paragraph, sized);
  // Measured while clamped, and again when the card's width moves the line breaks.
  useLayoutEffect(() => {
    const element = paragraph.current;
    if (!expanded && element) setCut(element.scrollHeight > element.clientHeight + 1);
  }, [text, width, expanded]);
  return (
    <Box>
      <Text
        ref={ref}
        id={id}
        size="sm"
        lineClamp={expanded ? undefined : LINES}
        dir="auto"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {text}
      </Text>
      {(cut || expanded) && (
        <Anchor
          component="button"
          type="button"
          size="sm"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show less' : 'Show more'}
        </Anchor>
      )}
    </Box>
  );
}
