import { describe, expect, it } from 'vitest';
import type { CustomField } from '../custom-fields/custom-field.schema.js';
import { checkCompanyMapping, parseCompanyTarget, readCompanyFile, sizeOf, suggestCompanyMapping } from './csv.company.js';

const field = (key: string, label: string, type: CustomField['type']): CustomField => ({
  id: key,
  entity: 'company',
  key,
  label,
  type,
  options: [],
  required: false,
  position: 0,
  createdAt: new Date(),
});

describe('companies from CSV', () => {
  it('suggests company fields from the headers of other CRMs’ exports and of our own', () => {
    const pipedrive = ['Organization - Name', 'Organization - Website', 'Organization - Industry', 'Organization - Number of employees'];
    expect(suggestCompanyMapping(pipedrive, [])).toEqual({
      'Organization - Name': 'name',
      'Organization - Website': 'domains',
      'Organization - Industry': 'industry',
      'Organization - Number of employees': 'size',
    });
    const twenty = ['Name', 'Domain Name', 'Employees', 'Tags', 'Description', 'ARR'];
    expect(suggestCompanyMapping(twenty, [field('arr', 'ARR', 'number')])).toEqual({
      Name: 'name',
      'Domain Name': 'domains',
      Employees: 'size',
      Tags: 'tags',
      Description: 'note',
      ARR: 'custom:arr',
    });
    const ours = ['id', 'name', 'domains', 'industry', 'size', 'tags', 'ownerId', 'teamId', 'createdAt', 'updatedAt', 'custom:arr'];
    expect(suggestCompanyMapping(ours, [field('arr', 'ARR', 'number')])).toEqual({
      id: 'id',
      name: 'name',
      domains: 'domains',
      industry: 'industry',
      size: 'size',
      tags: 'tags',
      ownerId: 'ownerId',
      teamId: 'teamId',
      createdAt: null,
      updatedAt: null,
      'custom:arr': 'custom:arr',
    });
  });

  it('parses targets and checks a mapping: one column per single field, domains and tags from any number', () => {
    expect(parseCompanyTarget('domains')).toEqual({ kind: 'domains' });
    expect(parseCompanyTarget('custom.arr')).toEqual({ kind: 'custom', key: 'arr' });
    expect(parseCompanyTarget(null)).toEqual({ kind: 'ignore' });
    expect(parseCompanyTarget('email')).toBeNull();
    expect(checkCompanyMapping(['A', 'B', 'C', 'D'], { A: 'name', B: 'domains', C: 'domains', D: 'email' })).toEqual([
      { field: 'mapping.D', reason: '"email" is not a company field one can import into' },
    ]);
    expect(checkCompanyMapping(['A', 'B'], { A: 'size', B: 'size', Z: 'name' })).toEqual([
      { field: 'mapping.B', reason: 'size is already filled from column "A"' },
      { field: 'mapping.Z', reason: 'is not a column of the file' },
    ]);
  });

  it('reads a size band as Rapport writes it, a head count, or another CRM’s band that lies within one', () => {
    expect(['1-10', '7', '11', '1,200', '1.200', '51-200 employees', '201-500', '5000', '5001', '10,001+', '5000+'].map(sizeOf)).toEqual([
      '1-10',
      '1-10',
      '11-50',
      '1001-5000',
      '1001-5000',
      '51-200',
      '201-1000',
      '1001-5000',
      '5000+',
      '5000+',
      '5000+',
    ]);
    // Across two bands, no number, or nobody: not a size.
    expect(['10-100', 'lots', '0', '1000+', 'employees'].map(sizeOf)).toEqual([null, null, null, null, null]);
  });

  it('reads a row into a company draft: domains from websites, cells as the custom field’s type, ids as references', () => {
    const content = [
      'id,Name,Website,Domains,Tags,ARR,ownerId,teamId,Notes',
      'abc,\'=Acme,https://www.acme.example/x?y=1,ACME.example; acme.de,"vip, a\\, b","1,250",,,Said hi',
      ',Broken,ftp://x,not a domain,,,u1,t1,',
    ].join('\n');
    const file = readCompanyFile(content, [field('arr', 'ARR', 'number')]);
    expect(file.total).toBe(2);
    // Website is suggested for domains; a second domain column is mapped by hand.
    expect(file.suggestedMapping).toMatchObject({ Website: 'domains', Domains: null });
    const mapping = { ...file.suggestedMapping, Domains: 'domains' };
    const [acme, broken] = [...file.drafts(mapping, [field('arr', 'ARR', 'number')])];
    expect(acme).toMatchObject({
      row: 2,
      input: { name: '=Acme', domains: ['acme.example', 'acme.de'], tags: ['vip', 'a, b'], custom: { arr: 1250 } },
      references: { id: 'abc', ownerId: null, teamId: null },
      notes: ['Said hi'],
      problems: [],
    });
    expect(broken!.references).toEqual({ ownerId: 'u1', teamId: 't1' });
    expect(broken!.problems).toEqual([
      { field: 'Website', reason: '"ftp://x" is not a domain such as example.com' },
      { field: 'Domains', reason: '"not a domain" is not a domain such as example.com' },
    ]);
  });
});
