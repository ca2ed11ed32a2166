// What a message wants, in the words of the teams that act on it: service takes complaints and
// questions, sales takes purchase intent, product takes ideas, marketing hears praise. The web app
// bundles this module (its names are the app's), so it imports nothing.

export const INTENT_LABELS = ['complaint', 'question', 'purchase', 'praise', 'idea', 'spam', 'other'] as const;

/**
 * complaint: something is wrong; question: a question or support request; purchase: wants to buy
 * (a sales signal); praise: says something good; idea: an idea or feature request; spam: spam or
 * noise; other: none of these.
 */
export type IntentLabel = (typeof INTENT_LABELS)[number];

export function isIntentLabel(value: unknown): value is IntentLabel {
  return typeof value === 'string' && (INTENT_LABELS as readonly string[]).includes(value);
}

/** Each intent as the app names it to people: badges, filters, timeline notes. */
export const INTENT_NAMES: Record<IntentLabel, string> = {
  complaint: 'Complaint',
  question: 'Question',
  purchase: 'Buying signal',
  praise: 'Praise',
  idea: 'Idea',
  spam: 'Spam',
  other: 'Other',
};
