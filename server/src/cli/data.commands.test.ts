import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../platform/testing/temp-dirs.js';
import type { Db } from '../platform/db/db.js';
import { openFreshDb } from '../platform/testing/test-db.js';
import { buildWorkspace, json, testApp, type TestApp } from '../platform/testing/test-app.js';
import { backupCommand, exportCommand, importCommand, registerDataCommands, restoreCommand } from './data.commands.js';
import { describeError } from './cli-support.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures');
const dir = tempDir('rapport-cli-');

let t: TestApp;
let fresh: Db;
beforeAll(async () => {
  t = await testApp();
  fresh = await openFreshDb();
});
afterAll(async () => {
  await fresh?.close();
  removeTempDirs();
});

function capture() {
  let text = '';
  return { print: (chunk: string) => void (text += chunk), text: () => text };
}

/** Parses a command line the way `rapport` does, returning what commander printed. */
async function parse(args: string[]): Promise<{ output: string; error: CommanderError | null }> {
  let output = '';
  const program = new Command()
    .name('rapport')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (output += s), writeErr: (s) => (output += s) });
  registerDataCommands(program);
  program.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: (s) => (output += s), writeErr: (s) => (output += s) }));
  program.commands
    .flatMap((c) => c.commands)
    .forEach((c) => c.exitOverride().configureOutput({ writeOut: (s) => (output += s), writeErr: (s) => (output += s) }));
  try {
    await program.parseAsync(['node', 'rapport', ...args]);
    return { output, error: null };
  } catch (error) {
    return { output, error: error as CommanderError };
  }
}

describe('data commands', () => {
  it('imports contacts from a file, reports rejected rows, and honours --map and --partial', async () => {
    const ws = await buildWorkspace(t.db);
    const out = capture();
    const atomic = path.join(FIXTURES, 'crm-csv', 'atomic-crm__src__components__atomic-crm__contacts__contacts_export.csv');
    await importCommand(t.db, atomic, { workspace: ws.workspaceId, map: ['status=tags', 'gender='] }, out.print);
    expect(out.text()).toContain('Imported 2 of 2 contacts');
    expect(out.text()).toContain('1 companies created');
    const list = json<{ data: { firstName: string; tags: string[] }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/contacts?q=john', headers: ws.owner.headers }),
    );
    expect(list.data[0]!.tags).toEqual(['in-contract', 'influencer', 'developer']);

    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'First Name,Email\nAnn,ann@example.com\nBob,bob-at-example\n');
    const rejected = capture();
    await expect(importCommand(t.db, bad, { workspace: ws.workspaceId }, rejected.print)).rejects.toThrow(
      /1 of 2 rows were rejected, so nothing was imported/,
    );
    expect(rejected.text()).toBe('  row 3, Email: is not a valid e-mail address\n');
    const partial = capture();
    await importCommand(t.db, bad, { workspace: ws.workspaceId, partial: true }, partial.print);
    expect(partial.text()).toContain('Imported 1 of 2 contacts from bad.csv; 1 rejected.');

    const vcf = path.join(FIXTURES, 'vcard', 'ez-vcard__io__text__gmail-list.vcf');
    const cards = capture();
    await importCommand(t.db, vcf, { workspace: ws.workspaceId }, cards.print);
    expect(cards.text()).toContain('Imported 3 of 3 contacts');

    await expect(importCommand(t.db, path.join(dir, 'contacts.xlsx'), { workspace: ws.workspaceId })).rejects.toThrow(/--format csv/);
    await expect(importCommand(t.db, path.join(dir, 'missing.csv'), { workspace: ws.workspaceId })).rejects.toThrow(/Cannot read .*ENOENT/);
    await expect(importCommand(t.db, bad, { workspace: ws.workspaceId, map: ['nonsense'] })).rejects.toThrow(/COLUMN=FIELD/);
    await buildWorkspace(t.db);
    await expect(importCommand(t.db, bad, {})).rejects.toThrow(/several workspaces/);
  });

  it('says why a file cannot be imported once, and each further field problem on a line of its own', async () => {
    const ws = await buildWorkspace(t.db);
    const why = (file: string, options = {}) =>
      importCommand(t.db, file, { workspace: ws.workspaceId, ...options }).then(
        () => 'imported',
        (error: unknown) => describeError(error),
      );
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(await why(empty)).toBe('the file is empty');
    const header = path.join(dir, 'header-only.csv');
    writeFileSync(header, 'First Name,Email\n');
    expect(await why(header)).toBe('the file has column names but no rows');

    const people = path.join(dir, 'people.csv');
    writeFileSync(people, 'First Name,Email,Shoe\nAnn,ann@example.com,42\n');
    expect(await why(people, { map: ['Shoe=shoeSize', 'Email=hatSize'] })).toBe(
      [
        'The column mapping is not valid',
        '  mapping.Email: "hatSize" is not a contact field one can import into',
        '  mapping.Shoe: "shoeSize" is not a contact field one can import into',
      ].join('\n'),
    );
  });

  it('imports a JSON file that `rapport export` wrote, naming rejected contacts by their position', async () => {
    const ws = await buildWorkspace(t.db);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: ws.owner.headers,
      payload: { firstName: 'Round', lastName: 'Trip', importantDates: [{ kind: 'custom', date: '2020-01-02', label: 'a; b' }] },
    });
    const file = path.join(dir, 'round-trip.json');
    await exportCommand(t.db, 'contacts', { out: file, workspace: ws.workspaceId });
    const copy = await buildWorkspace(t.db);
    const out = capture();
    await importCommand(t.db, file, { workspace: copy.workspaceId }, out.print);
    // Another workspace's owner is not a member here: the command says so, as the import's report does.
    expect(out.text()).toBe(
      'Imported 1 of 1 contacts from round-trip.json.\nValues not imported:\n' +
        `  contact 1, ownerId: "${ws.owner.userId}" is not a member of this workspace; the contact has no owner\n`,
    );
    const [contact] = json<{ data: { displayName: string; importantDates: object[] }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: copy.owner.headers }),
    ).data;
    expect(contact).toMatchObject({ displayName: 'Round Trip', importantDates: [{ kind: 'custom', date: '2020-01-02', label: 'a; b' }] });

    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ firstName: 'Ann' }, { firstName: 'Bob', emails: [{ address: 'bob-at-example' }] }]));
    const rejected = capture();
    await expect(importCommand(t.db, bad, { workspace: copy.workspaceId }, rejected.print)).rejects.toThrow(
      /1 of 2 contacts were rejected, so nothing was imported/,
    );
    expect(rejected.text()).toBe('  contact 2, emails.0.address: is not a valid e-mail address\n');
  });

  it('imports a CSV file that `rapport export contacts --format csv` wrote with its owners, teams and labels', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const send = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: ws.owner.headers, ...(payload ? { payload } : {}) });
    const team = json<{ id: string }>(await send('POST', '/teams', { name: 'Sales', memberIds: [agent.userId] }));
    for (const payload of [
      {
        firstName: 'Grace',
        ownerId: agent.userId,
        teamId: team.id,
        emails: [{ address: 'grace@cobol.example', label: 'work' }],
        phones: [{ number: '+1 202 555 0143', label: 'mobile' }],
      },
      { firstName: 'Nobody', ownerId: null },
    ]) {
      expect((await send('POST', '/contacts', payload)).statusCode).toBe(201);
    }
    const contacts = async () =>
      JSON.parse((await send('GET', '/exports/contacts?format=json&sort=name')).body) as Record<string, unknown>[];
    const before = await contacts();
    const file = path.join(dir, 'round-trip.csv');
    await exportCommand(t.db, 'contacts', { out: file, format: 'csv', workspace: ws.workspaceId });
    for (const contact of before) await send('DELETE', `/contacts/${String(contact.id)}`);

    const out = capture();
    await importCommand(t.db, file, { workspace: ws.workspaceId }, out.print);
    expect(out.text()).toBe('Imported 2 of 2 contacts from round-trip.csv.\n');
    const fields = ({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest;
    expect((await contacts()).map(fields)).toEqual(before.map(fields));
  });

  it('imports companies from a file like contacts, updating on a second run instead of duplicating', async () => {
    const ws = await buildWorkspace(t.db);
    const file = path.join(dir, 'accounts.csv');
    writeFileSync(file, 'Account Name,Web site,Headcount\nAcme,https://www.acme.example,120\nGlobex,globex.example,lots\n');
    const strict = capture();
    await expect(importCommand(t.db, file, { workspace: ws.workspaceId }, strict.print, 'companies')).rejects.toThrow(
      /1 of 2 rows were rejected, so nothing was imported/,
    );
    expect(strict.text()).toBe(
      '  row 3, Headcount: "lots" is not a head count or a size band (1-10, 11-50, 51-200, 201-1000, 1001-5000, 5000+)\n',
    );
    const partial = capture();
    await importCommand(t.db, file, { workspace: ws.workspaceId, partial: true }, partial.print, 'companies');
    expect(partial.text()).toContain('Imported 1 of 2 companies from accounts.csv: 1 created, 0 updated; 1 rejected.\n');

    // --map overrides the suggestion; the row that finds Acme by its domain updates it.
    const again = capture();
    await importCommand(t.db, file, { workspace: ws.workspaceId, map: ['Headcount='] }, again.print, 'companies');
    expect(again.text()).toBe(
      'Imported 2 of 2 companies from accounts.csv: 1 created, 1 updated.\n' +
        'Companies updated:\n  row 2, Acme (found by its domain acme.example); nothing changed\n',
    );
    const list = json<{ data: { name: string; domains: string[]; size: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/companies?sort=name', headers: ws.owner.headers }),
    ).data;
    expect(list.map((c) => [c.name, c.domains, c.size])).toEqual([
      ['Acme', ['acme.example'], '51-200'],
      ['Globex', ['globex.example'], ''],
    ]);
    await expect(
      importCommand(
        t.db,
        path.join(FIXTURES, 'vcard', 'ez-vcard__io__text__gmail-list.vcf'),
        { workspace: ws.workspaceId },
        capture().print,
        'companies',
      ),
    ).rejects.toThrow('Companies are imported from CSV files; ez-vcard__io__text__gmail-list.vcf is not one');
  });

  it('exports, backs up and restores a workspace', async () => {
    const ws = await buildWorkspace(t.db);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: ws.owner.headers,
      payload: { firstName: 'Exported', lastName: 'Person' },
    });
    const csv = path.join(dir, 'contacts.csv');
    await exportCommand(t.db, 'contacts', { out: csv, workspace: ws.workspaceId });
    expect(readFileSync(csv, 'utf8')).toContain('Exported,Person,Exported Person');
    const jsonFile = path.join(dir, 'companies.json');
    await exportCommand(t.db, 'companies', { out: jsonFile, workspace: ws.workspaceId });
    expect(JSON.parse(readFileSync(jsonFile, 'utf8'))).toEqual([]);

    const file = path.join(dir, 'backup.jsonl');
    const out = capture();
    await backupCommand(t.db, file, { workspace: ws.workspaceId }, out.print);
    expect(out.text()).toMatch(/^Backed up workspace .* to .*backup\.jsonl\.\n$/);
    const restored = capture();
    await restoreCommand(fresh, file, {}, restored.print);
    expect(restored.text()).toContain(`Restored workspace ${ws.workspaceId}`);
    await expect(restoreCommand(fresh, file, {})).rejects.toThrow(/--replace/);
    const again = path.join(dir, 'again.jsonl');
    await backupCommand(fresh, again, {}, () => undefined);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(file, 'utf8'));
    await expect(restoreCommand(fresh, path.join(dir, 'nope.jsonl'), {})).rejects.toThrow(/Cannot read/);
  });

  it('says when a restore gave events new ids because theirs are used in this database', async () => {
    const ws = await buildWorkspace(t.db);
    const file = path.join(dir, 'moved.jsonl');
    await backupCommand(t.db, file, { workspace: ws.workspaceId }, () => undefined);
    const events = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{"table":"events"'));
    const other = await openFreshDb();
    try {
      // Another workspace's event already holds the first id.
      const firstId = Number(/"id": (\d+)/.exec(events[0]!)![1]);
      await other.query(
        `INSERT INTO events (id, workspace_id, type, subject_type, subject_id) VALUES ($1, gen_random_uuid(), 'x', 'x', 'x')`,
        [firstId],
      );
      const restored = capture();
      await restoreCommand(other, file, {}, restored.print);
      expect(restored.text()).toMatch(
        new RegExp(
          `^Restored workspace ${ws.workspaceId}: \\d+ rows\\. Ids already used here were given new numbers: ${events.length} events\\.\n$`,
        ),
      );
    } finally {
      await other.close();
    }
  });

  it('has help for every command and names what is wrong with bad arguments', async () => {
    for (const args of [
      ['import', 'contacts', '--help'],
      ['import', 'companies', '--help'],
      ['export', '--help'],
      ['backup', '--help'],
      ['restore', '--help'],
    ]) {
      const { output, error } = await parse(args);
      expect(error?.code, args.join(' ')).toBe('commander.helpDisplayed');
      expect(output).toContain('Usage: rapport');
    }
    expect((await parse(['import', 'contacts', '--help'])).output).toContain('--partial');
    const companiesHelp = (await parse(['import', 'companies', '--help'])).output;
    for (const option of ['--partial', '--map', '--workspace', '--format']) expect(companiesHelp).toContain(option);
    expect((await parse(['import', 'companies', 'a.vcf', '--format', 'vcard'])).output).toContain(
      "option '--format <format>' argument 'vcard' is invalid",
    );
    const wrongWhat = await parse(['export', 'deals']);
    expect(wrongWhat.output).toContain("'deals' is invalid for argument 'what'. Allowed choices are contacts, companies.");
    const wrongFormat = await parse(['import', 'contacts', 'a.csv', '--format', 'xlsx']);
    expect(wrongFormat.output).toContain("option '--format <format>' argument 'xlsx' is invalid");
    expect((await parse(['backup'])).output).toContain("missing required argument 'file'");
  });
});
