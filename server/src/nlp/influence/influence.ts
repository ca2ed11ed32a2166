// An author's influence as a 0–100 score made of explained parts, so that an agent sees why an
// author matters: how many people they reach, how much their posts are engaged with, how active
// they are, and how often others reply to them or share them. Every part saturates on a log scale:
// the hundredth thousand followers adds less than the first.

/**
 * What Rapport has seen of an author's posts: those of their mentions that came with their like,
 * share and reply counts, one per mention (a post two listening queries heard counts twice).
 * Engagement and echo are read from these, never from the profile's lifetime post count, which no
 * network gives the interactions of.
 */
export interface SeenPosts {
  posts: number;
  /** Likes, shares and replies over those posts. */
  interactions: number;
  /** Of those posts, how many others replied to, and how many they shared. */
  repliedTo: number;
  shared: number;
}

export interface InfluenceInput {
  followers?: number;
  following?: number;
  /** Posts on the profile over the account's life: the activity part. */
  postsCount?: number;
  accountAgeDays?: number;
  seen?: SeenPosts;
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
/** Share of the posts seen that others replied to or shared at which the echo is full. */
const FULL_ECHO_SHARE = 0.5;

/** Negative, fractional, infinite or missing counts are read as nothing. */
function count(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function format(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A mean as people read it: 0.4 stays 0.4 rather than reading as none; from 10 on, whole numbers. */
function formatMean(value: number): string {
  return value < 10 ? String(Math.round(value * 10) / 10) : format(value);
}

const mentions = (n: number) => `${format(n)} ${n === 1 ? 'mention' : 'mentions'}`;

const NONE_SEEN = 'no mention with its likes, shares and replies counted yet';

/** The seen posts, each count read as `count` reads it and the echoes capped at the posts. */
function seenOf(input: InfluenceInput): SeenPosts {
  const seen = count(input.seen?.posts);
  return {
    posts: seen,
    interactions: count(input.seen?.interactions),
    repliedTo: Math.min(seen, count(input.seen?.repliedTo)),
    shared: Math.min(seen, count(input.seen?.shared)),
  };
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
  const seen = seenOf(input);
  const perPost = seen.posts === 0 ? 0 : seen.interactions / seen.posts;
  const points = Math.round(ENGAGEMENT_MAX * logShare(perPost, FULL_ENGAGEMENT_PER_POST));
  const explanation =
    seen.posts === 0
      ? `${NONE_SEEN} → 0 of ${ENGAGEMENT_MAX} points`
      : `${formatMean(perPost)} likes, shares and replies per post over ${mentions(seen.posts)} → ${points} of ${ENGAGEMENT_MAX} points`;
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
  const { posts: seen, repliedTo, shared } = seenOf(input);
  const share = seen === 0 ? 0 : (repliedTo + shared) / (2 * seen);
  // Few posts prove little: the share counts fully only from ten posts on.
  const evidence = Math.min(1, seen / 10);
  const points = Math.round(ECHO_MAX * Math.min(1, share / FULL_ECHO_SHARE) * evidence);
  const explanation =
    seen === 0
      ? `${NONE_SEEN} → 0 of ${ECHO_MAX} points`
      : `others replied to ${format(repliedTo)} and shared ${format(shared)} of ${mentions(seen)} → ${points} of ${ECHO_MAX} points`;
  return { name: 'echo', points, max: ECHO_MAX, explanation };
}

export function influenceScore(input: InfluenceInput): Influence {
  const parts = [reach(input), engagement(input), activity(input), echo(input)];
  return { score: parts.reduce((sum, part) => sum + part.points, 0), parts };
}
