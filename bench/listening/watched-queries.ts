/**
 * The 20 saved queries of the benchmark workspace: a brand with its products and campaigns, its
 * competitors and some industry topics — the groups share of voice and the group filters read.
 * Listed from the most mentioned to the least.
 */
import type { QueryKind } from '../../server/src/listening/saved-queries/saved-query.schema.js';

export interface WatchedQuery {
  name: string;
  query: string;
  kind: QueryKind;
}

const brand = (name: string): WatchedQuery => ({
  name,
  kind: 'competitor',
  query: `(${name.toLowerCase()} OR #${name.toLowerCase()} OR @${name.toLowerCase()}) AND NOT (job OR jobs OR hiring)`,
});

export const WATCHED_QUERIES: readonly WatchedQuery[] = [
  { name: 'Zenkor', kind: 'brand', query: '(zenkor OR "zen kor" OR #zenkor OR @zenkor) AND NOT (job OR jobs OR hiring)' },
  brand('Luxora'),
  { name: 'Zenkor support', kind: 'brand', query: '"zenkor support"~3 OR (zenkor NEAR/4 (help OR broken OR refund*))' },
  brand('Mirvo'),
  { name: 'Zenkor Pay', kind: 'product', query: '"zenkor pay" OR #zenkorpay OR (zenkor NEAR/2 payment*)' },
  brand('Pexon'),
  { name: 'Summer campaign', kind: 'campaign', query: '#zenkorsummer OR ("zenkor" AND summer)' },
  brand('Quiver'),
  { name: 'Zenkor Card', kind: 'product', query: '"zenkor card" OR (zenkor NEAR/3 card)' },
  brand('Solra'),
  { name: 'Zenkor App', kind: 'product', query: '"zenkor app" OR zenkorapp OR (zenkor AND (ios OR android))' },
  { name: 'Black Friday', kind: 'campaign', query: '("black friday" OR #blackfriday) AND zenkor' },
  brand('Dulta'),
  { name: 'Fintech news', kind: 'other', query: 'fintech AND (bank* OR payment*) AND lang:en' },
  { name: 'Zenkor Cloud', kind: 'product', query: '"zenkor cloud" OR site:cloud.zenkor.com' },
  { name: 'Launch week', kind: 'campaign', query: '#launchweek AND zenkor' },
  { name: 'Regulation', kind: 'other', query: '(regulation OR regulator* OR compliance) NEAR/5 (payment* OR fintech)' },
  { name: 'Referral programme', kind: 'campaign', query: 'zenkor NEAR/4 (referral OR invite*)' },
  { name: 'Open banking', kind: 'other', query: '"open banking" OR #openbanking' },
  { name: 'Zenkor executives', kind: 'other', query: 'author:zenkor OR ("zenkor" AND (ceo OR founder))' },
];
