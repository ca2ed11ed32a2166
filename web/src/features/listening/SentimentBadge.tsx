/** A mention's sentiment as a coloured badge that also says it in words. */
import { Badge, Tooltip } from '@mantine/core';
import { SENTIMENT_COLORS, SENTIMENT_LABELS, sentimentOf, UNANALYSED_LABEL } from './labels';
import { languageName } from './languages';

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

/** A mention whose sentiment was not read: said so, so that nobody takes it for a neutral one. */
export function UnanalysedBadge({ language }: { language: string | null }) {
  // The language is the one the network declared where it declares one, which may be English for a post that is not.
  const written =
    language && language !== 'und' && language !== 'en'
      ? `this post is in ${languageName(language)}`
      : 'this post reads as another language';
  return (
    <Tooltip label={`Sentiment not analysed: Rapport reads the sentiment of English posts, and ${written}`}>
      <Badge size="sm" variant="outline" color="gray" tabIndex={0}>
        {UNANALYSED_LABEL}
      </Badge>
    </Tooltip>
  );
}
