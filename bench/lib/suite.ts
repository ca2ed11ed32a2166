/** What a benchmark suite exports from `bench/<name>/<name>.bench.ts`. */
import type { BenchOptions } from './options.js';

export interface BenchSuite {
  description: string;
  /** Runs the suite; resolves false when a target was missed. */
  run(options: BenchOptions): Promise<boolean>;
}
