/**
 * The batch run: normalise everyone, generate candidate pairs by blocking, compare them, fit the
 * Fellegi–Sunter model without labels (u from random pairs, then m and the match share by EM on
 * the candidate pairs), score every pair, and cluster the linked pairs into people.
 */
import { candidatePairs } from './blocking.js';
import { clusterLinks, pairCode, type Link } from './clustering.js';
import { COMPARISONS, comparePeople } from './comparisons.js';
import { countPatterns, fitModel } from './em.js';
import { candidateModel, isPlausibleFit } from './fit-check.js';
import { priorModel, type MatchModel } from './model.js';
import { normalisePerson } from './normalise-person.js';
import type { NormalisedPerson, PersonRecord } from './person.js';
import { estimateU } from './random-pairs.js';
import { refineModel, type LabelledPair } from './refine.js';
import { DEFAULT_THRESHOLDS, explainLevels, scoreLevels, type ScoredPair, type Thresholds } from './scoring.js';
import { TermFrequencies } from './term-frequency.js';

export interface ResolveOptions {
  /** Use this model as it is instead of fitting one on the records. */
  model?: MatchModel;
  thresholds?: Thresholds;
  maxBlockSize?: number;
  /** Sorted-neighbourhood window on the name orders. */
  window?: number;
  maxClusterSize?: number;
  /** Reviewers' decisions, folded into the fitted model (not into a model given as it is). */
  labelled?: readonly LabelledPair[];
}

export interface Resolution {
  /** Pairs judged link or review, strongest first, with their evidence. */
  pairs: ScoredPair[];
  /** Groups of two or more record ids judged to be one person. */
  clusters: string[][];
  model: MatchModel;
  candidatePairs: number;
  skippedBlocks: number;
}

/** Pairs drawn at random to estimate u: enough for rare levels, cheap next to the candidate pairs. */
const U_SAMPLES = 20_000;

/**
 * EM from the prior m and a u estimated on random pairs, the share of matches bounded by one per
 * person; a fit that describes no duplicates gives way to the prior scored against the candidates.
 */
function fitted(people: readonly NormalisedPerson[], vectors: Uint8Array): MatchModel {
  const prior = priorModel();
  const u = estimateU(people, U_SAMPLES);
  const start: MatchModel = { lambda: prior.lambda, fields: prior.fields.map((field, index) => ({ m: field.m, u: u[index]! })) };
  const pairs = vectors.length / COMPARISONS.length;
  const maxLambda = Math.min(0.5, people.length / Math.max(1, pairs));
  const patterns = countPatterns(vectors, COMPARISONS.length);
  const model = fitModel(patterns, { start, maxLambda });
  return isPlausibleFit(model, pairs, maxLambda) ? model : candidateModel(patterns);
}

export function resolveAll(records: readonly PersonRecord[], options: ResolveOptions = {}): Resolution {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const people = records.map(normalisePerson);
  const count = people.length;
  const frequencies = new TermFrequencies();
  for (const person of people) frequencies.add(person);

  const { codes, skippedBlocks } = candidatePairs(people, options.maxBlockSize ?? 50, options.window ?? 3);
  const fieldCount = COMPARISONS.length;
  const vectors = new Uint8Array(codes.length * fieldCount);
  for (let pair = 0; pair < codes.length; pair++) {
    const code = codes[pair]!;
    const left = Math.floor(code / count);
    comparePeople(people[left]!, people[code - left * count]!, vectors.subarray(pair * fieldCount, (pair + 1) * fieldCount));
  }
  const model = options.model ?? refineModel(fitted(people, vectors), options.labelled ?? [], codes.length);

  const weights = new Float32Array(codes.length);
  const linked = new Uint8Array(count);
  const links: Link[] = [];
  const pairs: ScoredPair[] = [];
  for (let pair = 0; pair < codes.length; pair++) {
    const code = codes[pair]!;
    const left = Math.floor(code / count);
    const right = code - left * count;
    const levels = vectors.subarray(pair * fieldCount, (pair + 1) * fieldCount);
    const score = scoreLevels(model, frequencies, thresholds, people[left]!, levels);
    weights[pair] = score.weight;
    if (score.decision === 'ignore') continue;
    const [leftPerson, rightPerson] = [people[left]!, people[right]!];
    pairs.push({
      left: leftPerson.id,
      right: rightPerson.id,
      ...score,
      evidence: explainLevels(model, frequencies, leftPerson, levels),
      levels: Array.from(levels),
    });
    if (score.decision !== 'link') continue;
    links.push({ left, right, weight: score.weight });
    linked[left] = linked[right] = 1;
  }

  // Only pairs between linked people can veto a merge, so only their weights are kept.
  const vetoBelow = -Math.log2(thresholds.link / (1 - thresholds.link));
  const linkedWeights = new Map<number, number>();
  for (let pair = 0; pair < codes.length; pair++) {
    const code = codes[pair]!;
    const left = Math.floor(code / count);
    if (linked[left] === 1 && linked[code - left * count] === 1)
      linkedWeights.set(pairCode(left, code - left * count, count), weights[pair]!);
  }
  const groups = clusterLinks(count, links, linkedWeights, { maxClusterSize: options.maxClusterSize ?? 50, vetoBelow });
  return {
    pairs: pairs.sort((a, b) => b.weight - a.weight),
    clusters: groups.map((group) => group.map((position) => people[position]!.id)),
    model,
    candidatePairs: codes.length,
    skippedBlocks,
  };
}
