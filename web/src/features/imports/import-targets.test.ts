import { describe, expect, it } from 'vitest';
import type { CustomField } from '../custom-fields/types';
import { companyImportTargets, importTargets, keepsOrSkips, keptTarget, targetOptions } from './import-targets';

describe('import targets', () => {
  it('offers every part of a postal address by name, so any column can be mapped to one', () => {
    const address = importTargets([], []).filter((t) => t.value.startsWith('address:'));
    expect(address.map((t) => t.value)).toEqual([
      'address:streetNumber',
      'address:street',
      'address:line2',
      'address:locality',
      'address:region',
      'address:postcode',
      'address:country',
    ]);
    for (const target of address) {
      expect(target.group).toBe('Postal address');
      expect(target.label).not.toContain(':');
    }
  });

  it('lists a suggested target once, under its own name rather than as an unknown one', () => {
    const targets = importTargets([], ['address:locality', 'email', 'socialHandle:xing', 'email4', 'somethingNew']);
    expect(targets.filter((t) => t.value === 'address:locality')).toEqual([
      { value: 'address:locality', label: 'City or town', group: 'Postal address' },
    ]);
    expect(targets.filter((t) => t.value === 'socialHandle:xing')).toEqual([
      { value: 'socialHandle:xing', label: 'XING profile', group: 'Social profiles' },
    ]);
    expect(targets.find((t) => t.value === 'email4')).toEqual({ value: 'email4', label: 'E-mail 4', group: 'Reach' });
    expect(targets.filter((t) => t.group === 'Other').map((t) => t.value)).toEqual(['somethingNew']);
  });

  it('labels every target it offers for people, the timeline note included', () => {
    const targets = importTargets([], []);
    expect(targets.find((t) => t.value === 'note')).toEqual({ value: 'note', label: 'Note (added to the timeline)', group: 'Timeline' });
    for (const target of targets) {
      expect(target.label, target.value).not.toBe(target.value);
      expect(target.label, target.value).toMatch(/^[A-Z]/);
    }
    expect(new Set(targets.map((t) => t.value)).size).toBe(targets.length);
    expect([...new Set(targets.map((t) => t.group))]).toEqual([
      'Name and role',
      'Reach',
      'Social profiles',
      'Important dates',
      'Postal address',
      'Timeline',
    ]);
  });

  it('names every target a Rapport export suggests, in their groups', () => {
    const targets = importTargets([], ['socialHandles', 'importantDates', 'emailLabels', 'phoneLabels', 'companyId', 'ownerId', 'teamId']);
    expect(targets.filter((t) => t.group === 'Other')).toEqual([]);
    expect(targets.find((t) => t.value === 'socialHandles')?.group).toBe('Social profiles');
    expect(targets.find((t) => t.value === 'importantDates')?.group).toBe('Important dates');
    expect(targets.find((t) => t.value === 'emailLabels')?.group).toBe('Reach');
    expect(targets.find((t) => t.value === 'ownerId')).toEqual({
      value: 'ownerId',
      label: 'Owner, by their id in Rapport',
      group: 'Name and role',
    });
  });

  it('lets vCard and JSON columns only be kept as suggested or skipped, custom values by their own key', () => {
    expect(keepsOrSkips('csv')).toBe(false);
    expect(keepsOrSkips('vcard')).toBe(true);
    expect(keepsOrSkips('json')).toBe(true);
    const suggested = { EMAIL: 'email', 'custom:shoe': null };
    expect(keptTarget(suggested, 'EMAIL')).toBe('email');
    expect(keptTarget(suggested, 'custom:shoe')).toBe('custom:shoe');
  });

  it('labels every company field a column can fill, the ones that find the company to update included', () => {
    const targets = companyImportTargets([], []);
    // Every target of the server's companies mapping (CompanyTarget in csv.company.ts), each once, in words.
    expect(targets.map((t) => t.value).sort()).toEqual(['domains', 'id', 'industry', 'name', 'note', 'ownerId', 'size', 'tags', 'teamId']);
    for (const target of targets) {
      expect(target.label, target.value).not.toBe(target.value);
      expect(target.label, target.value).toMatch(/^[A-Z]/);
    }
    expect(targets.find((t) => t.value === 'domains')).toEqual({
      value: 'domains',
      label: 'Domains or website (comma separated)',
      group: 'Company',
    });
    // No contact field is offered for companies.
    expect(targets.some((t) => t.value === 'email' || t.value === 'firstName')).toBe(false);
  });

  it('offers the workspace’s custom fields of the records imported, and names the contact target that finds a company by domain', () => {
    const tier: CustomField = {
      id: 'f1',
      entity: 'company',
      key: 'tier',
      label: 'Tier',
      type: 'select',
      options: ['gold'],
      required: false,
      position: 0,
      createdAt: '2025-01-01T00:00:00Z',
    };
    expect(targetOptions('companies', [tier], ['custom:tier', 'name']).filter((t) => t.group === 'Custom fields')).toEqual([
      { value: 'custom:tier', label: 'Tier', group: 'Custom fields' },
    ]);
    expect(
      targetOptions('companies', [], ['somethingNew'])
        .filter((t) => t.group === 'Other')
        .map((t) => t.value),
    ).toEqual(['somethingNew']);
    expect(targetOptions('contacts', [], []).find((t) => t.value === 'companyDomain')).toEqual({
      value: 'companyDomain',
      label: 'Company domain (finds the company before its name does)',
      group: 'Name and role',
    });
  });
});
