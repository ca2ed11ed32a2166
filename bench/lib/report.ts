/** Figures with their targets: judged PASS/FAIL, printed as a table and written as JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'prettier';
import type { MachineInfo } from './machine.js';

export type Target =
  /** value / baseline must be at least `min`. */
  | { kind: 'ratio'; min: number }
  /** value must be at most `max` (same unit as the value). */
  | { kind: 'max'; max: number };

export interface Figure {
  id: string;
  label: string;
  unit: string;
  value: number | null;
  baseline?: number | null;
  baselineLabel?: string;
  target?: Target;
  /** Why a figure has no value, or anything a reader must know to trust it. */
  note?: string;
  details?: Record<string, unknown>;
}

export type Verdict = 'PASS' | 'FAIL' | 'n/a' | 'info';

export interface JudgedFigure extends Figure {
  ratio: number | null;
  verdict: Verdict;
}

export function judge(figure: Figure): JudgedFigure {
  const ratio = figure.value !== null && figure.baseline ? figure.value / figure.baseline : null;
  let verdict: Verdict = 'info';
  if (figure.target?.kind === 'ratio') verdict = ratio === null ? 'n/a' : ratio >= figure.target.min ? 'PASS' : 'FAIL';
  if (figure.target?.kind === 'max') verdict = figure.value === null ? 'n/a' : figure.value <= figure.target.max ? 'PASS' : 'FAIL';
  return { ...figure, ratio, verdict };
}

function number(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function targetText(figure: JudgedFigure): string {
  if (!figure.target) return '';
  if (figure.target.kind === 'ratio') return `≥ ${figure.target.min} × baseline`;
  return `≤ ${figure.target.max} ${figure.unit}`;
}

export function renderTable(title: string, figures: JudgedFigure[]): string {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'result'];
  const rows = figures.map((f) => [
    f.label,
    `${number(f.value)} ${f.unit}`,
    f.baseline === undefined ? '' : `${number(f.baseline)} ${f.unit}`,
    f.ratio === null ? '' : `${f.ratio.toFixed(3)} ×`,
    targetText(f),
    f.verdict === 'info' ? '' : f.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const notes = figures.filter((f) => f.note).map((f) => `  * ${f.label}: ${f.note}`);
  return [
    `\n${title}`,
    line(header),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map(line),
    ...(notes.length ? ['', ...notes] : []),
    '',
  ].join('\n');
}

export interface SuiteResult {
  suite: string;
  database: string;
  quick: boolean;
  /** Suffix of the results file; null for the recorded results. */
  label: string | null;
  settings: Record<string, unknown>;
  machine: MachineInfo;
  figures: JudgedFigure[];
}

/**
 * Writes `bench/results/<suite>-<db>[.<label>].json`, formatted the way the repository's Prettier
 * wants it. Smoke runs write to .tmp/bench-results instead, so a test running one leaves the
 * recorded results alone.
 */
export async function writeResult(result: SuiteResult): Promise<string> {
  const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..');
  const dir = result.quick ? path.join(root, '.tmp', 'bench-results') : path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.suite}-${result.database}${result.label ? `.${result.label}` : ''}.json`);
  writeFileSync(file, await format(JSON.stringify(result), { parser: 'json', printWidth: 140 }));
  return file;
}

export function mb(bytes: number): number {
  return bytes / 1e6;
}
