import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, parseProperty, parseVCards, splitValue, unfold } from './vcard.parser.js';
import { vcardToDraft } from './vcard.contact.js';

describe('vCard parser', () => {
  it('unfolds continuation lines and quoted-printable soft breaks', () => {
    expect(unfold('NOTE:one\r\n  two\r\nFN:x')).toEqual(['NOTE:one two', 'FN:x']);
    expect(unfold('NOTE;ENCODING=QUOTED-PRINTABLE:caf=\r\n=C3=A9\r\nFN:x')).toEqual(['NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9', 'FN:x']);
  });

  it('reads groups, parameters (quoted, bare 2.1 ones, RFC 6868 carets) and keeps colons in quoted values', () => {
    expect(parseProperty('item1.EMAIL;TYPE=INTERNET,pref:a@b.example')).toEqual({
      group: 'item1',
      name: 'EMAIL',
      params: { TYPE: ['INTERNET', 'pref'] },
      value: 'a@b.example',
    });
    expect(parseProperty('TEL;WORK;VOICE:+1 555')?.params).toEqual({ TYPE: ['WORK', 'VOICE'] });
    const adr = parseProperty('ADR;LABEL="Main St: 1^nTown";TYPE="work,home":;;Main St');
    expect(adr?.params).toEqual({ LABEL: ['Main St: 1\nTown'], TYPE: ['work', 'home'] });
    expect(adr?.value).toBe(';;Main St');
    expect(parseProperty('not a property')).toBeNull();
  });

  it('decodes quoted-printable in the named charset', () => {
    expect(decodeQuotedPrintable('M=FCller', 'ISO-8859-1')).toBe('Müller');
    expect(decodeQuotedPrintable('M=C3=BCller')).toBe('Müller');
    const [card] = parseVCards(
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=\r\n=FCrgen\r\nEND:VCARD\r\n',
    );
    expect(vcardToDraft(card!).input).toMatchObject({ firstName: 'Jürgen', lastName: 'Müller' });
  });

  it('splits structured values on unescaped separators only', () => {
    expect(splitValue('Doe;John;Richter\\, James;Mr.;Sr.', ';')).toEqual(['Doe', 'John', 'Richter, James', 'Mr.', 'Sr.']);
    expect(splitValue('a\\;b;c\\nd', ';')).toEqual(['a;b', 'c\nd']);
  });

  it('reads several cards, skips nested ones and accepts a last card without END', () => {
    const cards = parseVCards('BEGIN:VCARD\nVERSION:3.0\nFN:A\nAGENT:\nBEGIN:VCARD\nFN:Nested\nEND:VCARD\nEND:VCARD\nbegin:vcard\nFN:B\n');
    expect(cards.map((c) => c.properties.filter((p) => p.name === 'FN').map((p) => p.value))).toEqual([['A'], ['B']]);
    expect(cards.map((c) => c.index)).toEqual([1, 2]);
  });

  it('turns a card into a contact draft: labels from X-ABLabel, tel: URIs, dates, profiles', () => {
    const [card] = parseVCards(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Simon Perreault',
        'N:Perreault;Simon;;;',
        'BDAY:--0203',
        'ANNIVERSARY:20090808T1430-0500',
        'ORG;TYPE=work:Viagenie;Research',
        'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102',
        'item1.TEL:555 555 2222',
        'item1.X-ABLabel:_$!<Mobile>!$_',
        'EMAIL;TYPE=work:simon@viagenie.example',
        'X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/simon',
        'IMPP:xmpp:simon@jabber.example',
        'CATEGORIES:VIP,Partner\\, EU',
        'ADR;TYPE=work:;Suite 200;2875 boul. Laurier\\, Tour A;Québec;QC;G1V 2M2;Canada',
        'ADR;TYPE=home:;;1 Other St;Elsewhere;;;',
        'END:VCARD',
      ].join('\r\n'),
    );
    const draft = vcardToDraft(card!);
    expect(draft.companyName).toBe('Viagenie');
    expect(draft.input).toEqual({
      firstName: 'Simon',
      lastName: 'Perreault',
      // A birthday without a year keeps its month and day (see YEARLESS_YEAR).
      importantDates: [
        { kind: 'birthday', date: '1604-02-03' },
        { kind: 'anniversary', date: '2009-08-08' },
      ],
      phones: [
        { number: '+1-418-656-9254 x102', label: 'work' },
        { number: '555 555 2222', label: 'Mobile' },
      ],
      emails: [{ address: 'simon@viagenie.example', label: 'work' }],
      socialHandles: [
        { network: 'x', handle: 'simon', url: 'https://twitter.com/simon' },
        { network: 'xmpp', handle: 'simon@jabber.example' },
      ],
      tags: ['VIP', 'Partner, EU'],
      address: {
        street: '2875 boul. Laurier, Tour A',
        line2: 'Suite 200',
        locality: 'Québec',
        region: 'QC',
        postcode: 'G1V 2M2',
        country: 'Canada',
      },
    });
    expect(draft.skipped).toEqual([{ field: 'ADR', reason: 'a contact has one postal address: only the first was imported' }]);
  });

  it('names an unsupported version as the reason to reject a card', () => {
    const [card] = parseVCards('BEGIN:VCARD\nVERSION:5.0\nFN:Future\nEND:VCARD');
    expect(vcardToDraft(card!).problems).toEqual([{ field: 'VERSION', reason: expect.stringContaining('5.0') as string }]);
  });
});
