/**
 * HTTP load with autocannon: a warm-up that is thrown away, then measured runs. Every request can
 * be built fresh (unique bodies, rotating queries). Only 2xx responses count as done, and their
 * latencies are kept individually (autocannon's own histogram rounds to whole milliseconds).
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { percentileToTenth } from './percentile.js';

export interface LoadSpec {
  url: string;
  connections: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Builds each request: the path (with query) and, for writes, the JSON body. */
  next(): { path: string; body?: string };
  /**
   * A path answered only once the server has caught up (e.g. one that queries the database).
   * Fetched after every run: requests left in flight when a run stops are still being served,
   * and must not slow down the next run (this matters for the single-threaded embedded database).
   */
  settlePath?: string;
}

export interface LoadResult {
  /** 2xx responses per second over the measured time. */
  rate: number;
  ok: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  seconds: number;
  /** One-minute load average when the measurement started (other work on the machine shows here). */
  loadAverage: number;
}

interface Slice {
  seconds: number;
  ok: number;
  non2xx: number;
  errors: number;
  latencies: number[];
}

async function settle(spec: LoadSpec) {
  if (!spec.settlePath) return;
  const response = await fetch(spec.url + spec.settlePath).catch(() => null);
  await response?.body?.cancel();
}

async function slice(spec: LoadSpec, seconds: number): Promise<Slice> {
  const taken = await load(spec, seconds);
  await settle(spec);
  return taken;
}

function load(spec: LoadSpec, seconds: number): Promise<Slice> {
  const method = spec.method ?? 'GET';
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: seconds,
        pipelining: 1,
        timeout: 30,
        requests: [
          {
            method,
            headers: { ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...spec.headers },
            setupRequest: (request) => {
              const built = spec.next();
              return { ...request, path: built.path, ...(built.body === undefined ? {} : { body: built.body }) };
            },
          },
        ],
      },
      (error, result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve({ seconds: result.duration, ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, latencies });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

function combine(slices: Slice[], loadAverage: number): LoadResult {
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = slices.reduce((sum, s) => sum + s.seconds, 0);
  const ok = slices.reduce((sum, s) => sum + s.ok, 0);
  return {
    rate: ok / seconds,
    ok,
    non2xx: slices.reduce((sum, s) => sum + s.non2xx, 0),
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    p50Ms: percentileToTenth(latencies, 50),
    p90Ms: percentileToTenth(latencies, 90),
    p99Ms: percentileToTenth(latencies, 99),
    maxMs: percentileToTenth(latencies, 100),
    seconds,
    loadAverage: Math.round(loadAverage * 100) / 100,
  };
}

/** Warm-up, then one measured run. */
export async function runLoad(spec: LoadSpec, warmupSeconds: number, seconds: number): Promise<LoadResult> {
  const loadAverage = os.loadavg()[0]!;
  if (warmupSeconds > 0) await slice(spec, warmupSeconds);
  return combine([await slice(spec, seconds)], loadAverage);
}

/**
 * Measures several targets in alternating slices (A B B A A B …) after warming each up, so a
 * burst of other work on the machine falls on both sides instead of skewing their ratio.
 */
export async function runAlternating(specs: LoadSpec[], warmupSeconds: number, seconds: number, slices: number): Promise<LoadResult[]> {
  const loadAverage = os.loadavg()[0]!;
  for (const spec of specs) if (warmupSeconds > 0) await slice(spec, warmupSeconds);
  const taken: Slice[][] = specs.map(() => []);
  for (let round = 0; round < slices; round++) {
    const order = specs.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) taken[i]!.push(await slice(specs[i]!, seconds / slices));
  }
  return taken.map((s) => combine(s, loadAverage));
}

/** One request, for checking an endpoint answers as expected before loading it. */
export async function probe(url: string, init: RequestInit = {}): Promise<{ status: number; body: string }> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.text() };
}
