/**
 * The NLP models — language profiles, sentiment lexicons, the trained intent model: tens of MB of
 * tables built at import — load with the first text this process understands, not with every
 * server. Loading them whole keeps their hot paths exactly as written: laziness inside the tables
 * (a check on every look-up) was measured 15-20 % slower per message.
 */
type Analysis = typeof import('../../nlp/analyze.js');
type Intent = typeof import('../../nlp/intent/intent.js');

let analysis: Analysis | undefined;
let intent: Intent | undefined;

export async function loadAnalysis(): Promise<Analysis> {
  analysis ??= await import('../../nlp/analyze.js');
  return analysis;
}

/** The loaded analysis, for code that cannot wait (an enricher's `enrich`): its `prepare` loads it. */
export function loadedAnalysis(): Analysis {
  if (!analysis) throw new Error('text understanding is not loaded yet: await loadAnalysis() first');
  return analysis;
}

/** The analysis when this process has loaded it, undefined before. */
export const analysisIfLoaded = (): Analysis | undefined => analysis;

export async function loadIntent(): Promise<Intent> {
  intent ??= await import('../../nlp/intent/intent.js');
  return intent;
}
