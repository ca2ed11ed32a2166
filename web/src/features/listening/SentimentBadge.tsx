/** A mention's sentiment as a coloured badge that also says it in words. */
import { Badge, Tooltip } from '@mantine/core';
import { SENTIMENT_COLORS, SENTIMENT_LABELS, sentimentOf } from './labels';

export function SentimentBadge({ sentiment, score }: { sentiment: string | null; score?: number | null }) {
  const known = sentimentOf(sentiment);
  if (!known) return null;
  const badge = (
    <Badge size="sm" variant="light" color={SENTIMENT_COLORS[known]}>
      {SENTIMENT_LABELS[known]}
    </Badge>
  );
  if (score === null || score === undefined) return badge;
  return <Tooltip label={`Sentiment score ${score.toFixed(2)} (from −1 to 1)`}>{badge}</Tooltip>;
}
