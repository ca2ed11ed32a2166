/** How listening's values are named and coloured for people. */
import { INTENT_NAMES } from '../../../../server/src/nlp/intent/intent-labels';
import type { Intent, QueryKind, Relevance, Sentiment, StreamSentiment, Trigger } from './types';

export const KIND_LABELS: Record<QueryKind, string> = {
  brand: 'Brand',
  competitor: 'Competitors',
  campaign: 'Campaigns',
  product: 'Products',
  other: 'Other',
};

export const SENTIMENT_LABELS: Record<Sentiment, string> = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' };
/** A mention in a language whose sentiment Rapport does not read: told apart from a neutral one. */
export const UNANALYSED_LABEL = 'Not analysed';
export const STREAM_SENTIMENT_LABELS: Record<StreamSentiment, string> = { ...SENTIMENT_LABELS, unanalysed: UNANALYSED_LABEL };

/** Green, grey and red read as good, neutral and bad at a glance; the label says it for those who cannot see colour. */
export const SENTIMENT_COLORS: Record<Sentiment, string> = { positive: 'teal', neutral: 'gray', negative: 'red' };

/** Named by the server's module, so a note on the timeline and a badge say the same. */
export const INTENT_LABELS: Record<Intent, string> = INTENT_NAMES;

export const INTENT_COLORS: Record<Intent, string> = {
  complaint: 'red',
  question: 'blue',
  purchase: 'green',
  praise: 'teal',
  idea: 'grape',
  spam: 'dark',
  other: 'gray',
};

export const RELEVANCE_LABELS: Record<Relevance, string> = { unreviewed: 'Not reviewed', relevant: 'Relevant', irrelevant: 'Irrelevant' };

export const TRIGGER_LABELS: Record<Trigger, string> = {
  volume: 'Volume spike',
  negative: 'Negative sentiment spike',
  keyword: 'Keyword',
};

/** Where an alert was delivered. */
const DELIVERY_LABELS = { 'in-app': 'In app', email: 'E-mail', webhook: 'Webhook' } as const;

const isKey = <K extends string>(labels: Record<K, string>, value: string): value is K => Object.hasOwn(labels, value);

export function sentimentOf(value: string | null): Sentiment | null {
  return value && isKey(SENTIMENT_LABELS, value) ? value : null;
}

export function intentOf(value: string | null): Intent | null {
  return value && isKey(INTENT_LABELS, value) ? value : null;
}

export function kindLabel(value: string): string {
  return isKey(KIND_LABELS, value) ? KIND_LABELS[value] : value;
}

export function deliveryLabel(channel: string): string {
  return isKey(DELIVERY_LABELS, channel) ? DELIVERY_LABELS[channel] : channel;
}
