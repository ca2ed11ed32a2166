/**
 * The contract of an evaluation suite: `npm run eval` finds suites at `eval/<name>/<name>.eval.ts`,
 * each exporting `suite`, and prints the Markdown section that `run` returns (tables ready to paste
 * into docs/quality.md).
 */
export interface EvalSuite {
  /** The folder name, which is also what `npm run eval -- <name>` selects. */
  name: string;
  run(): Promise<string>;
}
