import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { upcomingDates } from '../reminders/important-dates.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures');
const fixture = (folder: string, name: string) => readFileSync(path.join(FIXTURES, folder, name), 'utf8');

interface ImportView {
  id: string;
  status: string;
  total: number;
  processed: number;
  imported: number;
  rejected: number;
  companiesCreated: number;
  errors: { row: number; field: string; reason: string }[];
  skipped: { row: number; field: string; reason: string }[];
  finishedAt: string | null;
}
interface ContactView {
  id: string;
  displayName: string;
  firstName: string;
  lastName: string;
  title: string;
  lifecycleStage: string;
  companyName: string | null;
  emails: { address: string; label?: string }[];
  phones: { number: string; label?: string }[];
  socialHandles: { network: string; handle: string; url?: string }[];
  tags: string[];
  importantDates: { kind: string; date: string }[];
  custom: Record<string, unknown>;
}

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

async function upload(ws: TestWorkspace, format: string, content: string, fileName = 'file') {
  return t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: ws.owner.headers, payload: { format, fileName, content } });
}

/** Uploads, starts and runs an import the way the web app does, returning the final report. */
async function runImport(ws: TestWorkspace, format: string, content: string, start: { mapping?: object; allowPartial: boolean }) {
  const uploaded = await upload(ws, format, content);
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const { id } = json<{ id: string }>(uploaded);
  const started = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/start`, headers: ws.owner.headers, payload: start });
  expect(started.statusCode, started.body).toBe(202);
  expect(json<ImportView>(started).status).toBe('running');
  await t.jobs.runDue();
  return json<ImportView>(await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: ws.owner.headers }));
}

async function contacts(ws: TestWorkspace): Promise<ContactView[]> {
  return json<{ data: ContactView[] }>(await t.app.inject({ method: 'GET', url: '/api/v1/contacts?limit=500', headers: ws.owner.headers }))
    .data;
}

const byName = (list: ContactView[], name: string) => {
  const found = list.find((c) => c.displayName === name);
  expect(found, `${name} in ${list.map((c) => c.displayName).join(', ')}`).toBeDefined();
  return found!;
};

describe('contact imports', () => {
  it('imports every vCard fixture, or rejects a card with a stated reason', async () => {
    const files = readdirSync(path.join(FIXTURES, 'vcard')).filter((f) => f.endsWith('.vcf'));
    expect(files.length).toBeGreaterThanOrEqual(16);
    const imported = new Map<string, ContactView[]>();
    for (const file of files) {
      const ws = await buildWorkspace(t.db);
      const report = await runImport(ws, 'vcard', fixture('vcard', file), { allowPartial: true });
      expect(report.status, file).toBe('done');
      expect(report.imported + report.rejected, file).toBe(report.total);
      expect(report.total, file).toBeGreaterThan(0);
      for (const error of report.errors) expect(error.reason.length, file).toBeGreaterThan(3);
      imported.set(file, await contacts(ws));
    }

    const gmailList = imported.get('ez-vcard__io__text__gmail-list.vcf')!;
    expect(gmailList.map((c) => [c.displayName, c.emails[0]?.address]).sort()).toEqual([
      ['Arnold Smith', 'asmithk@gmail.com'],
      ['Chris Beatle', 'chrisy55d@yahoo.com'],
      ['Doug White', 'dwhite@gmail.com'],
    ]);

    const rfc2426 = imported.get('ez-vcard__io__text__rfc2426-example.vcf')!;
    const frank = byName(rfc2426, 'Frank Dawson');
    expect(frank.emails.map((e) => e.address)).toEqual(['frank_dawson@lotus.com', 'fdawson@earthlink.net']);
    expect(frank.phones.map((p) => p.number)).toEqual(['+1-919-676-9515', '+1-919-676-9564']);
    expect(frank.companyName).toBe('Lotus Development Corporation');
    expect(byName(rfc2426, 'Tim Howes').emails[0]!.address).toBe('howes@netscape.com');

    const simon = byName(imported.get('ez-vcard__io__text__rfc6350-example.vcf')!, 'Simon Perreault');
    expect(simon.phones.map((p) => p.number)).toEqual(['+1-418-656-9254 x102', '+1-418-262-6501']);
    expect(simon.emails).toEqual([{ address: 'simon.perreault@viagenie.ca', label: 'work' }]);
    expect(simon.importantDates).toEqual([
      { kind: 'birthday', date: '1604-02-03' },
      { kind: 'anniversary', date: '2009-08-08' },
    ]);
    expect(simon.companyName).toBe('Viagenie');

    const john = byName(imported.get('ez-vcard__io__text__John_Doe_EVOLUTION.vcf')!, 'John Doe');
    expect(john).toMatchObject({ title: 'Money Counter', companyName: 'IBM', tags: ['VIP'] });
    expect(john.emails.map((e) => e.address)).toEqual(['john.doe@ibm.com']);
    expect(john.phones.map((p) => p.number)).toEqual(['905-666-1234', '905-555-1234']);
    expect(john.importantDates).toEqual([
      { kind: 'birthday', date: '1980-03-22' },
      { kind: 'anniversary', date: '1980-03-22' },
    ]);
    expect(john.socialHandles).toContainEqual({ network: 'aim', handle: 'johnny5@aol.com' });

    const greg = byName(imported.get('ez-vcard__io__text__gmail-single.vcf')!, 'Greg Dartmouth');
    expect(greg.phones).toEqual([
      { number: '555 555 1111', label: 'cell' },
      { number: '555 555 2222', label: 'GRAND_CENTRAL' },
    ]);
    expect(greg.importantDates).toEqual([
      { kind: 'birthday', date: '1960-09-10' },
      { kind: 'anniversary', date: '1970-06-02' },
    ]);

    const hans = byName(imported.get('node-vcf__xing.vcf')!, 'Hans-Peter Mustermann');
    expect(hans).toMatchObject({ title: 'CTO', companyName: 'Example GmbH', tags: ['Consulting'] });

    const max = byName(imported.get('audriga__nextcloud_vcard.vcf')!, 'Maximilian Baumus');
    expect(max.emails).toEqual([{ address: 'baum@max.ilius', label: 'other' }]);
    expect(max.socialHandles.map((h) => `${h.network}:${h.handle}`)).toEqual(['github:apache', 'x:ApacheJames']);

    const forrest = byName(imported.get('audriga__test_vcard_v3.vcf')!, 'Forrest Gump');
    expect(forrest.emails.map((e) => e.label)).toEqual(['home', 'work']);
    expect(forrest.phones).toHaveLength(3);
    expect(forrest.importantDates).toEqual([
      { kind: 'birthday', date: '1995-05-05' },
      { kind: 'anniversary', date: '2005-10-10' },
    ]);

    const one = byName(imported.get('audriga__rc-vcard.vcf')!, 'One Test Contact');
    expect(one.phones.map((p) => p.number)).toEqual(['555123789', '0123 456 789', '00 98765', '00 111 222 333']);
    expect(one).toMatchObject({ title: 'Software Engineer', companyName: 'Test Inc.' });

    expect(byName(imported.get('py-vobject__radicale-1587.vcf')!, 'Given Family').lastName).toBe('Family');
  });

  it('suggests a mapping for the Atomic CRM export and imports it, creating the company once', async () => {
    const ws = await buildWorkspace(t.db);
    const content = fixture('crm-csv', 'atomic-crm__src__components__atomic-crm__contacts__contacts_export.csv');
    const draft = json<{ status: string; columns: string[]; sample: string[][]; suggestedMapping: Record<string, string | null> }>(
      await upload(ws, 'csv', content, 'contacts.csv'),
    );
    expect(draft.status).toBe('mapping');
    expect(draft.columns).toHaveLength(18);
    expect(draft.sample[0]!.slice(0, 2)).toEqual(['John', 'Doe']);
    expect(draft.suggestedMapping).toMatchObject({
      first_name: 'firstName',
      last_name: 'lastName',
      title: 'title',
      company: 'company',
      tags: 'tags',
      linkedin_url: 'socialHandle:linkedin',
      email_work: 'email',
      email_home: 'email2',
      email_other: 'email3',
      phone_work: 'phone',
      phone_home: 'phone2',
      phone_other: 'phone3',
      status: null,
      gender: null,
    });

    const report = await runImport(ws, 'csv', content, { allowPartial: false });
    expect(report).toMatchObject({ status: 'done', total: 2, processed: 2, imported: 2, rejected: 0, companiesCreated: 1, errors: [] });
    const list = await contacts(ws);
    const john = byName(list, 'John Doe');
    expect(john).toMatchObject({ title: 'Sales Executive', companyName: 'Acme', tags: ['influencer', 'developer'] });
    expect(john.emails).toEqual([
      { address: 'john@doe.example', label: 'work' },
      { address: 'john.doe@gmail.com', label: 'home' },
      { address: 'jdoe@caramail.com', label: 'other' },
    ]);
    expect(john.phones.map((p) => p.number)).toEqual(['659-980-2015', '740.645.3807', '(446) 758-2122']);
    expect(john.socialHandles).toEqual([{ network: 'linkedin', handle: 'johndoe', url: 'https://www.linkedin.com/in/johndoe' }]);
    expect(byName(list, 'Jane Doe').companyName).toBe('Acme');

    // Importing again finds Acme instead of creating it twice, and search finds the imported rows.
    expect((await runImport(ws, 'csv', content, { allowPartial: false })).companiesCreated).toBe(0);
    const found = json<{ data: ContactView[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/contacts?q=acme', headers: ws.owner.headers }),
    ).data;
    expect(found).toHaveLength(4);
    const audit = json<{ data: { type: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/audit-log', headers: ws.owner.headers }),
    );
    expect(audit.data.filter((e) => e.type === 'contact.imported')).toHaveLength(2);
    expect(audit.data.filter((e) => e.type === 'company.created')).toHaveLength(1);
  });

  it('reports bad rows by row, column and reason, and writes nothing unless partial imports are allowed', async () => {
    const ws = await buildWorkspace(t.db);
    const field = await t.app.inject({
      method: 'POST',
      url: '/api/v1/custom-fields',
      headers: ws.owner.headers,
      payload: { entity: 'contact', key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] },
    });
    expect(field.statusCode).toBe(201);
    const csv = [
      'Name,E-mail,Lifecycle stage,Plan,Birthday',
      'Ann Able,ann@example.com,Customer,pro,1990-04-01',
      'Bob Bad,not-an-email,lead,pro,',
      'Cy Stage,cy@example.com,royalty,free,',
      'Di Custom,di@example.com,lead,gold,',
      ',,lead,,',
      'Ed Date,ed@example.com,lead,,31/02/1990',
    ].join('\r\n');
    const uploaded = json<{ suggestedMapping: Record<string, string | null> }>(await upload(ws, 'csv', csv));
    expect(uploaded.suggestedMapping).toEqual({
      Name: 'fullName',
      'E-mail': 'email',
      'Lifecycle stage': 'lifecycleStage',
      Plan: 'custom:plan',
      Birthday: 'importantDate:birthday',
    });

    const strict = await runImport(ws, 'csv', csv, { allowPartial: false });
    expect(strict).toMatchObject({ status: 'failed', total: 6, imported: 0, rejected: 5 });
    expect(strict.finishedAt).not.toBeNull();
    expect(strict.errors).toEqual([
      { row: 3, field: 'E-mail', reason: 'is not a valid e-mail address' },
      { row: 4, field: 'Lifecycle stage', reason: expect.stringContaining('must be one of: subscriber, lead') as string },
      { row: 5, field: 'Plan', reason: 'must be one of: free, pro' },
      { row: 6, field: 'Name', reason: 'a contact needs a name, an e-mail, a phone or a social handle' },
      { row: 7, field: 'Birthday', reason: '"31/02/1990" is not a date (use YYYY-MM-DD, or --MM-DD without a year)' },
    ]);
    expect(await contacts(ws)).toHaveLength(0);

    const partial = await runImport(ws, 'csv', csv, { allowPartial: true });
    expect(partial).toMatchObject({ status: 'done', total: 6, processed: 6, imported: 1, rejected: 5 });
    const [ann] = await contacts(ws);
    expect(ann).toMatchObject({
      displayName: 'Ann Able',
      lifecycleStage: 'customer',
      custom: { plan: 'pro' },
      importantDates: [{ kind: 'birthday', date: '1990-04-01' }],
    });

    const recent = json<{ data: ImportView[] }>(await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: ws.owner.headers }));
    expect(recent.data.map((i) => i.status)).toEqual(['done', 'failed', 'mapping']);
  });

  it('names rejected rows as a spreadsheet numbers them, and skips rows with no cell filled', async () => {
    const ws = await buildWorkspace(t.db);
    const csv = [
      'Name,E-mail,Notes',
      'Ann Able,ann@example.com,',
      '',
      'Bob Bad,not-an-email,',
      ',,',
      ' , ,',
      'Cy Lines,cy@example.com,"first line',
      'second line"',
      'Di Bad,di@,',
      '',
    ].join('\r\n');
    const uploaded = json<{ total: number; sample: string[][] }>(await upload(ws, 'csv', csv));
    expect(uploaded.total).toBe(4);
    expect(uploaded.sample.map((row) => row[0])).toEqual(['Ann Able', 'Bob Bad', 'Cy Lines', 'Di Bad']);

    const report = await runImport(ws, 'csv', csv, { mapping: { Name: 'fullName', 'E-mail': 'email' }, allowPartial: true });
    expect(report).toMatchObject({ status: 'done', total: 4, processed: 4, imported: 2, rejected: 2 });
    // Bob is on the sheet's row 4 (below a blank row), Di on row 8 (a cell of two lines is still one row).
    expect(report.errors).toEqual([
      { row: 4, field: 'E-mail', reason: 'is not a valid e-mail address' },
      { row: 8, field: 'E-mail', reason: 'is not a valid e-mail address' },
    ]);
    expect((await contacts(ws)).map((c) => c.displayName).sort()).toEqual(['Ann Able', 'Cy Lines']);
  });

  it('rejects a line break or control character in a single-line field as the API does, and reads a street over lines as one', async () => {
    const ws = await buildWorkspace(t.db);
    const reason = 'must be one line of text, without line breaks, tabs or other control characters';
    const csv = [
      'Name,Title,Company,Street,Notes',
      '"Ann',
      'Able",Engineer,Acme,,',
      'Bob Tab,"Chief\tOps",Acme,,',
      'Cy Corp,Engineer,"Acme',
      'Inc",,',
      'Di Street,Engineer,Acme,"1 Main St',
      'Building 2","First line',
      'second line"',
    ].join('\r\n');
    const report = await runImport(ws, 'csv', csv, { allowPartial: true });
    expect(report).toMatchObject({ status: 'done', total: 4, imported: 1, rejected: 3 });
    expect(report.errors).toEqual([
      { row: 2, field: 'Name', reason },
      { row: 3, field: 'Title', reason },
      { row: 4, field: 'Company', reason },
    ]);
    const [di] = await contacts(ws);
    expect(di).toMatchObject({ displayName: 'Di Street', companyName: 'Acme', address: { street: '1 Main St, Building 2' } });
    const notes = json<{ data: { body: string }[] }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/activities?contactId=${di!.id}`, headers: ws.owner.headers }),
    );
    // Free text keeps its lines.
    expect(notes.data.map((n) => n.body)).toEqual([expect.stringMatching(/^First line\r?\nsecond line$/)]);

    // vCard writes a line break as \n: in a name it is refused, in a street (Apple Contacts' building line) joined.
    const vcard = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Lovelace;Ada;;;',
      'ADR;TYPE=work:;;1 Infinite Loop\\nBuilding 2;Cupertino;CA;95014;USA',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:King\\nByron;Ada;;;',
      'END:VCARD',
      '',
    ].join('\r\n');
    const cards = await runImport(ws, 'vcard', vcard, { allowPartial: true });
    expect(cards).toMatchObject({ status: 'done', imported: 1, rejected: 1, errors: [{ row: 2, field: 'N', reason }] });
    expect(byName(await contacts(ws), 'Ada Lovelace')).toMatchObject({
      address: { street: '1 Infinite Loop, Building 2', locality: 'Cupertino', region: 'CA', postcode: '95014', country: 'USA' },
    });
  });

  it('refuses binary, empty, garbage and oversized files, and bad mappings, with a clear 4xx', async () => {
    const ws = await buildWorkspace(t.db);
    const cases: { format: string; content: string; code: string }[] = [
      { format: 'csv', content: 'PK\u0003\u0004\u0000\u0000binary\u0000zip', code: 'import_unreadable' },
      { format: 'csv', content: '\ufffd\ufffd\ufffd\ufffd\u0001\u0002garbage', code: 'import_unreadable' },
      { format: 'csv', content: '   \n', code: 'import_unreadable' },
      { format: 'csv', content: 'name,email\n', code: 'import_unreadable' },
      { format: 'csv', content: 'name,email\n"Ann,ann@example.com\nBob,bob@example.com', code: 'import_unreadable' },
      { format: 'vcard', content: 'name,email\nAnn,ann@example.com', code: 'import_unreadable' },
      { format: 'xlsx', content: 'a', code: 'validation_failed' },
    ];
    for (const { format, content, code } of cases) {
      const response = await upload(ws, format, content);
      expect(response.statusCode, JSON.stringify(content)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = json<{ code: string; detail: string }>(response);
      expect(problem.code, content).toBe(code);
      expect(problem.detail.length).toBeGreaterThan(10);
    }
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...ws.owner.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ format: 'csv', fileName: 'big.csv', content: 'a,b\n'.repeat(13_200_000) }),
    });
    expect(huge.statusCode).toBe(413);

    const { id } = json<{ id: string }>(await upload(ws, 'csv', 'Name,Email\nAnn,ann@example.com'));
    const start = (payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/start`, headers: ws.owner.headers, payload });
    const badTarget = await start({ mapping: { Name: 'shoeSize', Nope: 'email' }, allowPartial: false });
    expect(badTarget.statusCode).toBe(400);
    expect(json<{ errors: { field: string; reason: string }[] }>(badTarget).errors.map((e) => e.field)).toEqual([
      'mapping.Name',
      'mapping.Nope',
    ]);
    const twice = await start({ mapping: { Name: 'firstName', Email: 'firstName' }, allowPartial: false });
    expect(json<{ errors: { reason: string }[] }>(twice).errors[0]!.reason).toContain('already filled from column "Name"');
    expect((await start({ mapping: { Name: 'ignore' }, allowPartial: false })).statusCode).toBe(400);
    expect((await start({ allowPartial: false })).statusCode).toBe(202);
    expect((await start({ allowPartial: false })).statusCode).toBe(409);
  });

  it('refuses a NUL or half a surrogate pair anywhere in a file or its name, which were 500s', async () => {
    const ws = await buildWorkspace(t.db);
    const rows = 'Ann\n'.repeat(20_000);
    const cases: { format: string; content: string; fileName?: string; field: string }[] = [
      // Past the first 64 kB, which the check for binary files reads.
      { format: 'csv', content: `First name\n${rows}Ev\u0000e\n`, field: 'content' },
      {
        format: 'vcard',
        content: `${'BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nEND:VCARD\n'.repeat(2_000)}BEGIN:VCARD\nFN:E\u0000ve\nEND:VCARD\n`,
        field: 'content',
      },
      // Escapes in a JSON file, in a value and in a custom key (stored as jsonb).
      { format: 'json', content: '[{"firstName":"E\\u0000ve"}]', field: 'content' },
      { format: 'json', content: '[{"firstName":"Eve","custom":{"plan\\ud800":"pro"}}]', field: 'content' },
      { format: 'csv', content: 'First name\nEve\n', fileName: 'eve\u0000.csv', field: 'fileName' },
    ];
    for (const { format, content, fileName, field } of cases) {
      const response = await upload(ws, format, content, fileName);
      expect(response.statusCode, response.body).toBe(400);
      expect(json<{ errors: { field: string }[] }>(response).errors.map((e) => e.field)).toEqual([field]);
    }
    // Only the file's own text is left to the import to judge: every other field is held to the API's rule.
    const target = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: ws.owner.headers,
      payload: { target: 'contacts\u0000', format: 'csv', fileName: 'f.csv', content: 'First name\nEve\n' },
    });
    expect(json<{ errors: { field: string; reason: string }[] }>(target).errors).toEqual([
      { field: 'target', reason: 'holds a NUL character (\\u0000), which cannot be stored' },
    ]);
    // An emoji's escaped pair is text.
    expect((await upload(ws, 'json', '[{"firstName":"Eve \\ud83d\\ude00"}]')).statusCode).toBe(201);
    const { rows: stored } = await t.db.query(`SELECT 1 FROM imports WHERE workspace_id = $1`, [ws.workspaceId]);
    expect(stored).toHaveLength(1);
  });

  it('lets a vCard property or JSON field only be kept or skipped, not sent to another field', async () => {
    const ws = await buildWorkspace(t.db);
    const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Able\r\nEMAIL:ann@example.com\r\nTITLE:CEO\r\nEND:VCARD\r\n';
    const card = json<{ id: string; suggestedMapping: Record<string, string> }>(await upload(ws, 'vcard', vcard));
    expect(card.suggestedMapping).toEqual({ FN: 'fullName', TITLE: 'title', EMAIL: 'email' });
    const startCard = (mapping: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/imports/${card.id}/start`,
        headers: ws.owner.headers,
        payload: { mapping, allowPartial: false },
      });
    const moved = await startCard({ FN: 'fullName', TITLE: 'lastName', EMAIL: 'email' });
    expect(moved.statusCode).toBe(400);
    expect(json<{ errors: { field: string; reason: string }[] }>(moved).errors).toEqual([
      { field: 'mapping.TITLE', reason: 'A vCard property is imported as it is or skipped: map it to "title" or null' },
    ]);

    const file = JSON.stringify([{ firstName: 'Bo', title: 'CTO', custom: { shoe: '42' } }]);
    const exported = json<{ id: string }>(await upload(ws, 'json', file));
    const startJson = (mapping: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/imports/${exported.id}/start`,
        headers: ws.owner.headers,
        payload: { mapping, allowPartial: true },
      });
    const renamed = await startJson({ firstName: 'firstName', title: 'custom:role', 'custom:shoe': 'custom:size' });
    expect(renamed.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(renamed).errors.map((e) => e.field)).toEqual(['mapping.title', 'mapping.custom:shoe']);

    // Keeping or skipping is what takes effect.
    expect((await startCard({ FN: 'fullName', TITLE: null, EMAIL: 'email' })).statusCode).toBe(202);
    expect((await startJson({ firstName: 'firstName', title: 'title', 'custom:shoe': null })).statusCode).toBe(202);
    await t.jobs.runDue();
    const imported = await contacts(ws);
    expect(byName(imported, 'Ann Able')).toMatchObject({ title: '', emails: [{ address: 'ann@example.com' }] });
    expect(byName(imported, 'Bo')).toMatchObject({ title: 'CTO', custom: {} });
  });

  it('imports dates without a year and notes from vCards, and reports what it cannot use', async () => {
    const ws = await buildWorkspace(t.db);
    const vcard = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Katherine Johnson',
      'BDAY:--0412',
      'NOTE:Met at the launch\\, Langley.\\nPrefers phone calls.',
      'PHOTO:data:image/png;base64,iVBORw0KGgo=',
      'URL:https://katherine.example',
      'ADR:;;1 Langley Way;Hampton;VA;23666;USA',
      'ADR:;;2 Other Road;Hampton;VA;23666;USA',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Dorothy Vaughan',
      'BDAY:--02-29',
      'ANNIVERSARY:--06',
      'UID:urn:uuid:1',
      'END:VCARD',
      '',
    ].join('\r\n');
    const uploaded = json<{ columns: string[]; suggestedMapping: Record<string, string> }>(await upload(ws, 'vcard', vcard));
    expect(uploaded.columns).toContain('NOTE');
    expect(uploaded.suggestedMapping.NOTE).toBe('note');

    const report = await runImport(ws, 'vcard', vcard, { allowPartial: false });
    expect(report).toMatchObject({ status: 'done', imported: 2, rejected: 0, errors: [] });
    expect(report.skipped).toEqual([
      { row: 1, field: 'URL', reason: expect.stringContaining('"https://katherine.example" is not a social profile') },
      { row: 1, field: 'ADR', reason: 'a contact has one postal address: only the first was imported' },
      { row: 1, field: 'PHOTO', reason: 'a contact has no place for this property; not imported' },
      { row: 2, field: 'ANNIVERSARY', reason: expect.stringContaining('"--06" is not a date') },
    ]);

    const imported = await contacts(ws);
    const katherine = byName(imported, 'Katherine Johnson');
    // Without a year, a date keeps its month and day in the year Apple uses for them, and comes round every year.
    expect(katherine.importantDates).toEqual([{ kind: 'birthday', date: '1604-04-12' }]);
    expect(byName(imported, 'Dorothy Vaughan').importantDates).toEqual([{ kind: 'birthday', date: '1604-02-29' }]);
    const soon = upcomingDates(
      [{ id: katherine.id, displayName: katherine.displayName, importantDates: katherine.importantDates }],
      '2031-04-01',
      30,
    );
    expect(soon).toMatchObject([{ nextOccurrence: '2031-04-12', daysAway: 11 }]);

    const timeline = json<{ data: { type: string; body: string; authorId: string | null }[] }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/activities?contactId=${katherine.id}`, headers: ws.owner.headers }),
    );
    expect(timeline.data).toEqual([
      expect.objectContaining({ type: 'note', body: 'Met at the launch, Langley.\nPrefers phone calls.', authorId: ws.owner.userId }),
    ]);

    // A note column of a spreadsheet goes to the timeline too, and a year-less date is read there as well.
    const csv = await runImport(ws, 'csv', 'Name,Birthday,Notes\nMary Jackson,--04-09,Engineer since 1958\n', { allowPartial: false });
    expect(csv).toMatchObject({ status: 'done', imported: 1, skipped: [] });
    const mary = byName(await contacts(ws), 'Mary Jackson');
    expect(mary.importantDates).toEqual([{ kind: 'birthday', date: '1604-04-09' }]);
    const notes = json<{ data: { body: string }[] }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/activities?contactId=${mary.id}`, headers: ws.owner.headers }),
    );
    expect(notes.data.map((n) => n.body)).toEqual(['Engineer since 1958']);
  });

  it('records each imported note as a note logged through the API is recorded, so the audit log and live updates hear of it', async () => {
    const ws = await buildWorkspace(t.db);
    const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: ws.owner.headers, ...(payload ? { payload } : {}) });
    const vcard = ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Katherine Johnson', 'NOTE:Met at the launch.', 'END:VCARD', ''].join('\r\n');
    expect(await runImport(ws, 'vcard', vcard, { allowPartial: false })).toMatchObject({ status: 'done', imported: 1 });
    const csv = 'Name,Notes\nMary Jackson,Engineer since 1958\nDorothy Vaughan,\n';
    expect(await runImport(ws, 'csv', csv, { allowPartial: false })).toMatchObject({ status: 'done', imported: 2 });
    const imported = await contacts(ws);
    const noteOf = async (name: string) => {
      const timeline = json<{ data: { id: string }[] }>(await send('GET', `/api/v1/activities?contactId=${byName(imported, name).id}`));
      expect(timeline.data).toHaveLength(1);
      return timeline.data[0]!.id;
    };
    const logged = await send('POST', '/api/v1/activities', {
      type: 'note',
      contactId: byName(imported, 'Dorothy Vaughan').id,
      body: 'By hand',
    });
    expect(logged.statusCode, logged.body).toBe(201);

    const created = json<{ data: { subjectType: string; subjectId: string; actorId: string | null; data: object }[] }>(
      await send('GET', '/api/v1/audit-log?type=activity.created'),
    ).data;
    // Newest first: the note typed in, then the CSV's, then the vCard's.
    const ids = [json<{ id: string }>(logged).id, await noteOf('Mary Jackson'), await noteOf('Katherine Johnson')];
    expect(created.map((e) => e.subjectId)).toEqual(ids);
    for (const [i, event] of created.entries()) {
      const { authorName: _author, assigneeName: _assignee, ...shown } = json(await send('GET', `/api/v1/activities/${ids[i]}`));
      expect(event).toMatchObject({ subjectType: 'activity', actorId: ws.owner.userId });
      // The entry as the API shows it, the same fields in the same forms whoever wrote it.
      expect(event.data).toEqual({ after: shown });
    }
  });

  it('skips a vCard property or JSON field the mapping leaves out, as it skips a CSV column', async () => {
    const ws = await buildWorkspace(t.db);
    const csv = await runImport(ws, 'csv', 'Name,Email,Title\nAnn Csv,ann@csv.example,CEO\n', {
      mapping: { Name: 'fullName', Email: 'email' },
      allowPartial: false,
    });
    expect(csv).toMatchObject({ status: 'done', imported: 1 });

    const vcard = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ann Card',
      'EMAIL:ann@card.example',
      'TEL:+44 20 7946 0000',
      'TITLE:CEO',
      'ORG:Card Ltd',
      'CATEGORIES:vip',
      'item1.X-ABDATE:2015-06-20',
      'item1.X-ABLABEL:_$!<Anniversary>!$_',
      'END:VCARD',
      '',
    ].join('\r\n');
    const card = await runImport(ws, 'vcard', vcard, { mapping: { FN: 'fullName', EMAIL: 'email' }, allowPartial: false });
    expect(card).toMatchObject({ status: 'done', imported: 1, companiesCreated: 0 });

    const field = await t.app.inject({
      method: 'POST',
      url: '/api/v1/custom-fields',
      headers: ws.owner.headers,
      payload: { entity: 'contact', key: 'shoe', label: 'Shoe size', type: 'text' },
    });
    expect(field.statusCode, field.body).toBe(201);
    const exported = JSON.stringify([
      { firstName: 'Ann', lastName: 'Json', title: 'CTO', phones: [{ number: '+44 20 7946 0001' }], tags: ['vip'], custom: { shoe: '42' } },
    ]);
    const fromJson = await runImport(ws, 'json', exported, {
      mapping: { firstName: 'firstName', lastName: 'lastName' },
      allowPartial: false,
    });
    expect(fromJson).toMatchObject({ status: 'done', imported: 1 });

    const imported = await contacts(ws);
    const left = { title: '', companyName: null, phones: [], tags: [], importantDates: [], custom: {} };
    expect(byName(imported, 'Ann Csv')).toMatchObject({ ...left, emails: [{ address: 'ann@csv.example' }] });
    expect(byName(imported, 'Ann Card')).toMatchObject({ ...left, emails: [{ address: 'ann@card.example' }] });
    expect(byName(imported, 'Ann Json')).toMatchObject({ ...left, emails: [] });

    // The anniversary Apple writes as X-ABDATE is listed, so a client can see what it leaves out.
    const { id, columns } = json<{ id: string; columns: string[] }>(await upload(ws, 'vcard', vcard));
    expect(columns).toEqual(['FN', 'ORG', 'TITLE', 'EMAIL', 'TEL', 'ANNIVERSARY', 'CATEGORIES']);
    // A mapping that names nothing to import is refused, whatever the format, rather than rejecting every contact.
    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${id}/start`,
      headers: ws.owner.headers,
      payload: { mapping: {}, allowPartial: false },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect(json<{ errors: { field: string; reason: string }[] }>(empty).errors).toEqual([
      { field: 'mapping', reason: 'maps no column to a contact field' },
    ]);
  });

  it('says a one-column header names "1 column" when a row has more cells', async () => {
    const ws = await buildWorkspace(t.db);
    const report = await runImport(ws, 'csv', 'Name\nAnn\nBo,extra\n', { mapping: { Name: 'fullName' }, allowPartial: true });
    expect(report.errors).toEqual([{ row: 3, field: 'row', reason: 'has 2 cells but the header names 1 column' }]);
  });

  it('keeps imports to agents and shows members only their own', async () => {
    const ws = await buildWorkspace(t.db);
    const viewer = await ws.member('viewer');
    const agent = await ws.member('agent');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: viewer.headers,
      payload: { format: 'csv', fileName: 'a.csv', content: 'Name\nAnn' },
    });
    expect(denied.statusCode).toBe(403);
    const { id } = json<{ id: string }>(await upload(ws, 'csv', 'Name\nAnn'));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: agent.headers })).statusCode).toBe(404);
    expect(json<{ data: unknown[] }>(await t.app.inject({ method: 'GET', url: '/api/v1/imports', headers: agent.headers })).data).toEqual(
      [],
    );
    const other = await buildWorkspace(t.db);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: other.owner.headers })).statusCode).toBe(404);
  });
});
