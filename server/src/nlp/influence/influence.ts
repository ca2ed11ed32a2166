// An author's influence as a 0–100 score made of explained parts, so that an agent sees why an
// author matters: how many people they reach, how much their posts are engaged with, how active
// they are, and how often others reply to them or share them. Every part saturates on a log scale:
// the hundredth thousand followers adds less than the first.

export interface InfluenceInput {
  followers?: number;
  following?: number;
  postsCount?: number;
  /** Likes, shares and replies received over the author's posts (`postsCount` of them). */
  likes?: number;
  shares?: number;
  replies?: number;
  /** Messages of this author that we have seen. */
  messages?: number;
  /** How many of their messages others replied to, and shared. */
  repliedToByOthers?: number;
  sharedByOthers?: number;
  accountAgeDays?: number;
}

export interface InfluencePart {
  readonly name: 'reach' | 'engagement' | 'activity' | 'echo';
  readonly points: number;
  readonly max: number;
  readonly explanation: string;
}

export interface Influence {
  /** 0–100, the sum of the parts' points. */
  readonly score: number;
  readonly parts: InfluencePart[];
}

const REACH_MAX = 40;
const ENGAGEMENT_MAX = 25;
const ACTIVITY_MAX = 15;
const ECHO_MAX = 20;
/** Followers at which reach is full: a large national account. */
const FULL_REACH_FOLLOWERS = 10_000_000;
/** Interactions per post at which engagement is full. */
const FULL_ENGAGEMENT_PER_POST = 1_000;
/** Posts per day at which activity is full; more is not more influence. */
const FULL_ACTIVITY_POSTS_PER_DAY = 5;
/** Share of seen messages that others replied to or shared at which the echo is full. */
const FULL_ECHO_SHARE = 0.5;

/** Negative, fractional, infinite or missing counts are read as nothing. */
function count(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function format(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function logShare(value: number, full: number): number {
  return Math.min(1, Math.log10(1 + value) / Math.log10(1 + full));
}

/**
 * Follow-back farms follow as many accounts as follow them; an account that follows far more than
 * it is followed has bought or traded its audience. Their followers count for less.
 */
function followBackDiscount(followers: number, following: number): number {
  if (followers < 100 || following <= followers) return 1;
  return Math.max(0.5, followers / following);
}

function reach(input: InfluenceInput): InfluencePart {
  const followers = count(input.followers);
  const discount = followBackDiscount(followers, count(input.following));
  const points = Math.round(REACH_MAX * logShare(followers, FULL_REACH_FOLLOWERS) * discount);
  const note = discount < 1 ? `, discounted because they follow ${format(count(input.following))} accounts` : '';
  return { name: 'reach', points, max: REACH_MAX, explanation: `${format(followers)} followers${note} → ${points} of ${REACH_MAX} points` };
}

function engagement(input: InfluenceInput): InfluencePart {
  const posts = count(input.postsCount);
  const interactions = count(input.likes) + count(input.shares) + count(input.replies);
  const perPost = posts === 0 ? 0 : interactions / posts;
  const points = Math.round(ENGAGEMENT_MAX * logShare(perPost, FULL_ENGAGEMENT_PER_POST));
  const explanation =
    posts === 0
      ? `no posts counted → 0 of ${ENGAGEMENT_MAX} points`
      : `${format(perPost)} likes, shares and replies per post → ${points} of ${ENGAGEMENT_MAX} points`;
  return { name: 'engagement', points, max: ENGAGEMENT_MAX, explanation };
}

function activity(input: InfluenceInput): InfluencePart {
  const posts = count(input.postsCount);
  const days = Math.max(1, count(input.accountAgeDays) || 365);
  const perDay = posts / days;
  const points = Math.round(ACTIVITY_MAX * Math.min(1, Math.sqrt(perDay / FULL_ACTIVITY_POSTS_PER_DAY)));
  const perWeek = perDay * 7;
  const rate = perWeek >= 1 ? `${format(perWeek)} posts a week` : `${format(perDay * 365)} posts a year`;
  return { name: 'activity', points, max: ACTIVITY_MAX, explanation: `${rate} → ${points} of ${ACTIVITY_MAX} points` };
}

function echo(input: InfluenceInput): InfluencePart {
  const messages = count(input.messages);
  const answered = Math.min(messages, count(input.repliedToByOthers));
  const shared = Math.min(messages, count(input.sharedByOthers));
  const share = messages === 0 ? 0 : (answered + shared) / (2 * messages);
  // Few messages prove little: the share counts fully only from ten messages on.
  const evidence = Math.min(1, messages / 10);
  const points = Math.round(ECHO_MAX * Math.min(1, share / FULL_ECHO_SHARE) * evidence);
  const explanation =
    messages === 0
      ? `no messages seen yet → 0 of ${ECHO_MAX} points`
      : `others replied to ${format(answered)} and shared ${format(shared)} of ${format(messages)} messages → ${points} of ${ECHO_MAX} points`;
  return { name: 'echo', points, max: ECHO_MAX, explanation };
}

export function influenceScore(input: InfluenceInput): Influence {
  const parts = [reach(input), engagement(input), activity(input), echo(input)];
  return { score: parts.reduce((sum, part) => sum + part.points, 0), parts };
}
