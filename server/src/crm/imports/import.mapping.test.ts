import { describe, expect, it } from 'vitest';
import type { CustomField } from '../custom-fields/custom-field.schema.js';
import { checkMapping, compileMapping, csvRowToDraft, parseTarget, suggestMapping } from './import.mapping.js';
import { parseDate, socialHandle } from './import.draft.js';

const field = (key: string, label: string, type: CustomField['type'], options: string[] = []): CustomField => ({
  id: key,
  entity: 'contact',
  key,
  label,
  type,
  options,
  required: false,
  position: 0,
  createdAt: new Date(),
});

describe('column mapping', () => {
  it('suggests targets from common English headers', () => {
    const columns = [
      'First Name',
      'last_name',
      'Full Name',
      'Job Title',
      'E-mail',
      'Email 2',
      'Mobile Phone',
      'Work Phone',
      'Organization',
      'Tags',
      'Lifecycle Stage',
      'Date of Birth',
      'Twitter Handle',
      'LinkedIn URL',
      'Shoe size',
      'Notes',
      'Status',
    ];
    expect(suggestMapping(columns, [field('shoe_size', 'Shoe size', 'number')])).toEqual({
      'First Name': 'firstName',
      last_name: 'lastName',
      'Full Name': 'fullName',
      'Job Title': 'title',
      'E-mail': 'email',
      'Email 2': 'email2',
      'Mobile Phone': 'phone',
      'Work Phone': 'phone2',
      Organization: 'company',
      Tags: 'tags',
      'Lifecycle Stage': 'lifecycleStage',
      'Date of Birth': 'importantDate:birthday',
      'Twitter Handle': 'socialHandle:x',
      'LinkedIn URL': 'socialHandle:linkedin',
      'Shoe size': 'custom:shoe_size',
      Notes: 'note',
      Status: null,
    });
  });

  it('parses targets, including the web app aliases, and checks a mapping against the columns', () => {
    expect(parseTarget('custom.plan')).toEqual({ kind: 'custom', key: 'plan' });
    expect(parseTarget('birthday')).toEqual({ kind: 'importantDate', dateKind: 'birthday' });
    expect(parseTarget('importantDate:renewal')).toEqual({ kind: 'importantDate', dateKind: 'renewal' });
    expect(parseTarget(null)).toEqual({ kind: 'ignore' });
    expect(parseTarget('socialHandle:Bad Network')).toBeNull();
    expect(parseTarget('custom:Bad-Key')).toBeNull();
    expect(checkMapping(['A', 'B'], { A: 'email', B: 'email2', C: 'title' })).toEqual([
      { field: 'mapping.C', reason: 'is not a column of the file' },
    ]);
  });

  it('turns a row into a draft: lists split, labels from headers, custom values typed, formula quotes removed', () => {
    const columns = ['Name', 'Email (work)', 'Phones', 'Tags', 'Seats', 'Beta', 'Site', 'Mastodon'];
    const mapping = {
      Name: 'fullName',
      'Email (work)': 'email',
      Phones: 'phone',
      Tags: 'tags',
      Seats: 'custom:seats',
      Beta: 'custom:beta',
      Site: 'custom:site',
      Mastodon: 'socialHandle:mastodon',
    };
    const fields = new Map([
      ['seats', field('seats', 'Seats', 'number')],
      ['beta', field('beta', 'Beta', 'boolean')],
      ['site', field('site', 'Site', 'url')],
    ]);
    const draft = csvRowToDraft(
      [
        'Doe, Jane',
        'jane@a.example; jane@b.example',
        "'+1 555 0100, +1 555 0101",
        'vip;beta',
        '1,200',
        'yes',
        'https://jane.example',
        'https://mastodon.example/@jane',
      ],
      2,
      compileMapping(columns, mapping),
      fields,
    );
    expect(draft.input).toEqual({
      firstName: 'Jane',
      lastName: 'Doe',
      emails: [
        { address: 'jane@a.example', label: 'work' },
        { address: 'jane@b.example', label: 'work' },
      ],
      phones: [{ number: '+1 555 0100' }, { number: '+1 555 0101' }],
      tags: ['vip', 'beta'],
      custom: { seats: 1200, beta: true, site: 'https://jane.example' },
      socialHandles: [{ network: 'mastodon', handle: 'jane', url: 'https://mastodon.example/@jane' }],
    });
    expect(draft.sources['emails.1']).toBe('Email (work)');
  });

  it('maps address columns by header, in our own export names too, and refuses two columns for one part', () => {
    const columns = ['Street Address', 'City', 'ZIP', 'Country', 'address:line2', 'Town'];
    expect(suggestMapping(columns, [])).toEqual({
      'Street Address': 'address:street',
      City: 'address:locality',
      ZIP: 'address:postcode',
      Country: 'address:country',
      'address:line2': 'address:line2',
      Town: null,
    });
    expect(parseTarget('address:planet')).toBeNull();
    expect(checkMapping(columns, { City: 'address:locality', Town: 'address:locality' })).toEqual([
      { field: 'mapping.Town', reason: 'address:locality is already filled from column "City"' },
    ]);
    const draft = csvRowToDraft(
      ['12 Rue de la Paix', 'Paris', '75002', 'France', '', ''],
      2,
      compileMapping(columns, suggestMapping(columns, [])),
      new Map(),
    );
    expect(draft.input.address).toEqual({ street: '12 Rue de la Paix', locality: 'Paris', postcode: '75002', country: 'France' });
    expect(draft.sources['address.locality']).toBe('City');
  });

  it('reads dates in the forms files use, and only real dates', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('20240301')).toBe('2024-03-01');
    expect(parseDate('1995-05-05T00:00:00Z')).toBe('1995-05-05');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('--0203')).toBeNull();
    expect(parseDate('31/12/1990')).toBeNull();
    expect(socialHandle('linkedin', 'https://www.linkedin.com/in/jane-doe/')).toEqual({
      network: 'linkedin',
      handle: 'jane-doe',
      url: 'https://www.linkedin.com/in/jane-doe/',
    });
  });

  it('reads the social profiles and important dates lists our exports write, and names an item it cannot read', () => {
    const columns = ['firstName', 'socialHandles', 'importantDates'];
    expect(suggestMapping(columns, [])).toEqual({
      firstName: 'firstName',
      socialHandles: 'socialHandles',
      importantDates: 'importantDates',
    });
    expect(suggestMapping(['Social profiles', 'Important Dates'], [])).toEqual({
      'Social profiles': 'socialHandles',
      'Important Dates': 'importantDates',
    });
    const mapped = compileMapping(columns, suggestMapping(columns, []));
    const draft = csvRowToDraft(
      [
        'Ann',
        'mastodon:@ann@fosstodon.org; linkedin:Ann Able https://www.linkedin.com/in/ann-able; github:https://github.com/ann; https://x.com/ann',
        'birthday:1990-04-01; custom:2020-03-01 Joined, then founded Acme; renewal:2027-01-31',
      ],
      2,
      mapped,
      new Map(),
    );
    expect(draft.problems).toEqual([]);
    expect(draft.input.socialHandles).toEqual([
      { network: 'mastodon', handle: '@ann@fosstodon.org' },
      { network: 'linkedin', handle: 'Ann Able', url: 'https://www.linkedin.com/in/ann-able' },
      { network: 'github', handle: 'ann', url: 'https://github.com/ann' },
      { network: 'x', handle: 'ann', url: 'https://x.com/ann' },
    ]);
    expect(draft.input.importantDates).toEqual([
      { kind: 'birthday', date: '1990-04-01' },
      { kind: 'custom', date: '2020-03-01', label: 'Joined, then founded Acme' },
      { kind: 'renewal', date: '2027-01-31' },
    ]);
    expect(draft.sources['socialHandles.2']).toBe('socialHandles');

    const bad = csvRowToDraft(['Bo', '@bo; https://example.org/bo', 'birthday:someday; wedding:2020-01-01'], 3, mapped, new Map());
    expect(bad.problems).toEqual([
      { field: 'socialHandles', reason: '"@bo" is not network:handle (e.g. mastodon:@ada@fosstodon.org)' },
      { field: 'socialHandles', reason: '"https://example.org/bo" is not network:handle (e.g. mastodon:@ada@fosstodon.org)' },
      { field: 'importantDates', reason: '"birthday:someday" is not kind:YYYY-MM-DD (e.g. birthday:1990-04-01)' },
      { field: 'importantDates', reason: '"wedding:2020-01-01" is not kind:YYYY-MM-DD (e.g. birthday:1990-04-01)' },
    ]);
  });

  it('labels e-mails and phones by position from the label columns our exports write, and reports a label with nothing to label', () => {
    const columns = ['firstName', 'Email (work)', 'emails', 'emailLabels', 'phones', 'phoneLabels', 'companyId', 'ownerId', 'teamId'];
    const mapping = suggestMapping(columns, []);
    expect(mapping).toEqual({
      firstName: 'firstName',
      'Email (work)': 'email',
      emails: 'email2',
      emailLabels: 'emailLabels',
      phones: 'phone',
      phoneLabels: 'phoneLabels',
      companyId: 'companyId',
      ownerId: 'ownerId',
      teamId: 'teamId',
    });
    expect(suggestMapping(['E-mail labels', 'Phone Label', 'Owner ID', 'Owner'], [])).toEqual({
      'E-mail labels': 'emailLabels',
      'Phone Label': 'phoneLabels',
      'Owner ID': 'ownerId',
      Owner: null,
    });
    expect(checkMapping(['emailLabels', 'Labels'], { emailLabels: 'emailLabels', Labels: 'emailLabels' })).toEqual([
      { field: 'mapping.Labels', reason: 'emailLabels is already filled from column "emailLabels"' },
    ]);
    const mapped = compileMapping(columns, mapping);
    const owner = '0b6c5a49-0000-4000-8000-000000000001';
    const draft = csvRowToDraft(
      ['Ann', 'ann@acme.example', 'ann@home.example; ann@old.example', '; home\\; weekends; ', "'+1 555 0100", 'cell; desk', '', owner, ''],
      2,
      mapped,
      new Map(),
    );
    // A blank label leaves the e-mail as it was read: here with the label its column's header implies.
    expect(draft.input.emails).toEqual([
      { address: 'ann@acme.example', label: 'work' },
      { address: 'ann@home.example', label: 'home; weekends' },
      { address: 'ann@old.example' },
    ]);
    expect(draft.input.phones).toEqual([{ number: '+1 555 0100', label: 'cell' }]);
    expect(draft.sources).toMatchObject({ 'emails.1': 'emails', 'emails.1.label': 'emailLabels', ownerId: 'ownerId' });
    // An empty owner or team cell is no owner or team; an empty company id says nothing.
    expect(draft.references).toEqual({ ownerId: owner, teamId: null });
    expect(draft.skipped).toEqual([{ field: 'phoneLabels', reason: '"desk" labels no phone (the row has 1 phone); not imported' }]);
  });

  it("keeps a value's own leading quote when it reads a quote put before a formula sign", () => {
    const mapped = compileMapping(['firstName', 'title'], { firstName: 'firstName', title: 'title' });
    const draft = csvRowToDraft(["'=Ann", "''+1 for engines"], 2, mapped, new Map());
    expect(draft.input).toEqual({ firstName: '=Ann', title: "'+1 for engines" });
  });
});
