/** Command-line options shared by every suite, validated here so suites can trust them. */
import { parseArgs } from 'node:util';

export type BenchDbKind = 'postgres' | 'pglite';

export interface BenchOptions {
  databases: BenchDbKind[];
  quick: boolean;
  /** Measured seconds per load phase. */
  duration: number;
  /** Warm-up seconds before each measured load phase (not counted). */
  warmup: number;
  /** Exit with status 1 when a target is missed (default: report only). */
  strict: boolean;
  /** Write V8 CPU profiles of the server under test into bench/results/profiles/. */
  profile: boolean;
  /** Keep the benchmark databases and data directories for inspection. */
  keep: boolean;
  /** PostgreSQL server the suites create their throw-away databases on. */
  postgresUrl: string;
  /** Names the results file `<suite>-<db>.<label>.json`, so an experiment keeps the recorded results. */
  label: string | null;
}

export const USAGE = `Usage: npm run bench -- <suite> [options]

Options:
  --db postgres|pglite   run on one database (default: both)
  --quick                small smoke run; results go to .tmp/bench-results/<suite>-<db>.quick.json
  --duration <s>         measured seconds per load phase (default 10, quick 1.5)
  --warmup <s>           warm-up seconds before each load phase (default 3, quick 0.5)
  --profile              write CPU profiles of the server under test to bench/results/profiles/
  --keep                 keep the benchmark databases and data directories
  --label <name>         write results to <suite>-<db>.<name>.json (e.g. for an experiment)
  --strict               exit with status 1 when a target is missed
  BENCH_POSTGRES_URL     admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
  BENCH_RAPPORT_MAIN     run this compiled main.js as the server (e.g. a patched build) instead of this tree's
`;

function seconds(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 600)
    throw new Error(`--${name} must be a number of seconds between 0 and 600, got "${raw}"`);
  return value;
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      strict: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      label: { type: 'string' },
    },
    strict: true,
  });
  if (values.label !== undefined && !/^[a-z0-9-]{1,40}$/.test(values.label)) {
    throw new Error(`--label must be 1 to 40 lower-case letters, digits or hyphens, got "${values.label}"`);
  }
  if (values.db !== undefined && values.db !== 'postgres' && values.db !== 'pglite') {
    throw new Error(`--db must be postgres or pglite, got "${values.db}"`);
  }
  const quick = values.quick ?? false;
  return {
    databases: values.db ? [values.db] : ['postgres', 'pglite'],
    quick,
    duration: seconds(values.duration, 'duration', quick ? 1.5 : 10),
    warmup: seconds(values.warmup, 'warmup', quick ? 0.5 : 3),
    strict: values.strict ?? false,
    profile: values.profile ?? false,
    keep: values.keep ?? false,
    postgresUrl: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    label: values.label ?? (quick ? 'quick' : null),
  };
}
