/**
 * The backup file: JSON lines. A header, then one line per row (`{"table":…,"row":…}` with the
 * row exactly as PostgreSQL renders it as JSON), then a trailer with the row count per table so
 * a cut-off file is recognised. Rows are written and read as text, never re-parsed, so numbers
 * and timestamps keep every digit.
 */
export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  workspaceId: string;
  /** Migrations applied to the database the backup came from; a restore needs all of them. */
  migrations: string[];
}

export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
}

export function rowLine(table: string, rowJson: string): string {
  return `{"table":${JSON.stringify(table)},"row":${rowJson}}\n`;
}

const ROW_LINE = /^\{"table":"([a-z_][a-z0-9_]*)","row":(\{.*\})\}$/s;

/** The table and raw row JSON of a row line, or null when the line is something else. */
export function parseRowLine(line: string): { table: string; row: string } | null {
  const match = ROW_LINE.exec(line);
  return match ? { table: match[1]!, row: match[2]! } : null;
}
