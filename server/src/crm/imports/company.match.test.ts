import { describe, expect, it } from 'vitest';
import { CompanyIndex } from './company.match.js';

const company = (id: string, name: string, domains: string[] = []) => ({ id, name, domains });

describe('finding the company a row means', () => {
  const index = new CompanyIndex([
    company('1', 'Acme', ['acme.example']),
    company('2', 'Acme', ['acme.de']),
    company('3', 'Umbrella'),
    company('4', 'Umbrella'),
  ]);

  it('finds by id first, then by the first domain a company has, then by name', () => {
    expect(index.find({ id: '2', domains: ['acme.example'], name: 'Umbrella' })).toMatchObject({ company: { id: '2' }, by: 'id' });
    expect(index.find({ domains: ['nope.example', 'acme.de'], name: 'Acme' })).toMatchObject({
      company: { id: '2' },
      by: 'domain',
      value: 'acme.de',
    });
    // By name, whatever its case, the oldest.
    expect(index.find({ domains: [], name: ' umbrella ' })).toEqual({ company: company('3', 'Umbrella'), by: 'name', value: 'Umbrella' });
    expect(index.find({ domains: [], name: 'ACME' })).toMatchObject({ company: { id: '1' }, by: 'name' });
    expect(index.find({ id: 'unknown', domains: [], name: null })).toBeNull();
  });

  it('finds by name a row with a domain only among companies without one', () => {
    // Acme of acme.example and of acme.de are not the Acme of acme.com.
    expect(index.find({ domains: ['acme.com'], name: 'Acme' })).toBeNull();
    expect(index.find({ domains: ['umbrella.example'], name: 'Umbrella' })).toMatchObject({ company: { id: '3' }, by: 'name' });
  });

  it('finds what it was given later, after what it held before', () => {
    const later = new CompanyIndex([company('1', 'Acme', ['acme.example'])]);
    later.add(company('9', 'Initech', ['initech.example', 'acme.example']));
    expect(later.find({ domains: ['initech.example'] })).toMatchObject({ company: { id: '9' } });
    expect(later.find({ domains: ['acme.example'] })).toMatchObject({ company: { id: '1' } });
    expect(later.find({ domains: [], name: 'initech' })).toMatchObject({ company: { id: '9' } });
  });
});
