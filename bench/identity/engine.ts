/**
 * The matching engine on the CPU alone, no database: `resolveAll` over synthetic people, and the
 * in-memory matcher against an index of people. Engine-only figures, kept beside the through-the-
 * product ones to tell the engine's share of a figure from the database's.
 */
import os from 'node:os';
import { createMatcher, resolveAll, type PersonRecord } from '../../server/src/identity/matching/index.js';
import { pairwiseQuality } from '../../server/src/identity/matching/pairwise-quality.js';
import { mb, type Figure } from '../lib/report.js';
import { duplicateOf, seededRandom, syntheticPeople } from './synthetic-people.js';
import { percentile } from '../lib/percentile.js';
import { readPeakRss, resetPeakRss } from '../lib/processes.js';
import { f1Figure } from './f1-figure.js';

const TARGETS = { dedupSeconds: 30, dedupMemoryMb: 1000, matchP99Ms: 5 };
const DUPLICATE_SHARE = 0.2;
const ARRIVALS = 2_000;

function log(message: string): void {
  process.stderr.write(`identity: ${message}\n`);
}

/** The peak since `resetPeakRss` (the deduplication's own, not an embedded database's an earlier suite part ran here). */
function peakRssMb(): number {
  return mb(readPeakRss() ?? process.resourceUsage().maxRSS * 1024);
}

export function engineDeduplication(size: number): Figure[] {
  const entityOf = new Map<string, string>();
  const people: PersonRecord[] = [];
  for (const { person, entity } of syntheticPeople(size, DUPLICATE_SHARE, 1)) {
    people.push(person);
    entityOf.set(person.id, entity);
  }
  const loadAverage = os.loadavg()[0]!;
  const rssBefore = process.memoryUsage().rss;
  resetPeakRss();
  const started = performance.now();
  const resolution = resolveAll(people);
  const seconds = (performance.now() - started) / 1000;
  const heapAfter = process.memoryUsage().heapUsed;
  const quality = pairwiseQuality(resolution.clusters, entityOf);
  log(`dedup of ${size} people: ${seconds.toFixed(1)} s, ${resolution.candidatePairs} candidate pairs, F1 ${quality.f1.toFixed(4)}`);
  return [
    {
      id: 'dedup-seconds',
      label: `full deduplication, ${size.toLocaleString('en-US')} people`,
      unit: 's',
      value: seconds,
      target: { kind: 'max', max: TARGETS.dedupSeconds },
      note: `load average ${loadAverage.toFixed(2)} at start; ${resolution.candidatePairs.toLocaleString('en-US')} candidate pairs, ${resolution.skippedBlocks} oversized blocks skipped`,
      details: {
        candidatePairs: resolution.candidatePairs,
        skippedBlocks: resolution.skippedBlocks,
        loadAverage,
        clusters: resolution.clusters.length,
      },
    },
    {
      id: 'dedup-peak-rss',
      label: 'peak RSS of the process (input people included)',
      unit: 'MB',
      value: peakRssMb(),
      target: { kind: 'max', max: TARGETS.dedupMemoryMb },
      details: { rssBeforeMb: mb(rssBefore), heapAfterMb: mb(heapAfter) },
    },
    { id: 'dedup-heap', label: 'heap used after the run', unit: 'MB', value: mb(heapAfter) },
    f1Figure('dedup-f1', 'pairwise F1 against the generator’s truth', quality),
  ];
}

export function engineArrivalMatching(size: number): Figure[] {
  const matcher = createMatcher();
  const random = seededRandom(3);
  const indexed: PersonRecord[] = [];
  const started = performance.now();
  for (const { person } of syntheticPeople(size, DUPLICATE_SHARE, 2)) {
    matcher.add(person);
    if (indexed.length < ARRIVALS && random() < (ARRIVALS * 4) / size) indexed.push(person);
  }
  const buildSeconds = (performance.now() - started) / 1000;
  log(`index of ${size} people built in ${buildSeconds.toFixed(1)} s, heap ${mb(process.memoryUsage().heapUsed).toFixed(0)} MB`);
  const arrivals: PersonRecord[] = [];
  /** For an arrival that duplicates an indexed person, that person's id. */
  const original = new Map<PersonRecord, string>();
  const fresh = syntheticPeople(ARRIVALS, 0, 4, 'new');
  for (let index = 0; index < ARRIVALS; index++) {
    const known = indexed[index % indexed.length]!;
    const arrival = index % 2 === 0 ? duplicateOf(random, known, `arrival${index}`) : fresh.next().value!.person;
    if (index % 2 === 0) original.set(arrival, known.id);
    arrivals.push(arrival);
  }
  for (const arrival of arrivals.slice(0, 200)) matcher.match(arrival);
  const loadAverage = os.loadavg()[0]!;
  const latencies: number[] = [];
  const cpuTimes: number[] = [];
  let found = 0;
  let originalsProposed = 0;
  for (const arrival of arrivals) {
    const cpuBefore = process.cpuUsage();
    const before = performance.now();
    const candidates = matcher.match(arrival);
    latencies.push(performance.now() - before);
    cpuTimes.push(process.cpuUsage(cpuBefore).user / 1000);
    if (candidates.length > 0) found++;
    if (candidates.some((candidate) => candidate.right === original.get(arrival))) originalsProposed++;
  }
  latencies.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const label = `match one arrival against ${size.toLocaleString('en-US')} people`;
  return [
    { id: 'match-p50', label: `${label}, p50`, unit: 'ms', value: percentile(latencies, 50) },
    {
      id: 'match-p99',
      label: `${label}, p99`,
      unit: 'ms',
      value: percentile(latencies, 99),
      target: { kind: 'max', max: TARGETS.matchP99Ms },
      note: `${ARRIVALS} arrivals (half duplicates of indexed people), load average ${loadAverage.toFixed(2)} at start; ${found} had a candidate`,
      details: { maxMs: latencies.at(-1), loadAverage, arrivalsWithCandidates: found },
    },
    {
      id: 'match-p99-cpu',
      label: `${label}, p99 of CPU time`,
      unit: 'ms',
      value: percentile(cpuTimes, 99),
      note: 'user CPU time of the process per match: what the wall-clock p99 would be without other work on the machine',
    },
    {
      id: 'match-originals-proposed',
      label: 'duplicate arrivals whose original was proposed (link or review)',
      unit: '%',
      value: (100 * originalsProposed) / original.size,
    },
    { id: 'index-build', label: `index build, ${size.toLocaleString('en-US')} people`, unit: 's', value: buildSeconds },
    { id: 'index-heap', label: 'heap used with the index', unit: 'MB', value: mb(process.memoryUsage().heapUsed) },
  ];
}
