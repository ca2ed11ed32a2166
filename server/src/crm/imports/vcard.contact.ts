/**
 * What a vCard means for a contact: names, organisation, title, e-mails, phones, dates (with or
 * without a year), social profiles, categories, the first postal address, and notes (for the
 * contact's timeline). The import preview lists the properties it reads; what a card holds that a
 * contact has no place for (PHOTO, GEO, a second address…) is left out and named in the report.
 */
import type { ImportantDate } from '../contacts/contact.schema.js';
import type { Static } from 'typebox';
import {
  addNote,
  addressLine,
  newDraft,
  parseImportantDate,
  pushItem,
  networkOfUrl,
  socialHandle,
  type ContactDraft,
} from './import.draft.js';
import { splitValue, unescapeText, type VCard, type VCardProperty } from './vcard.parser.js';

/** The properties the import reads, in the order the preview shows them. */
export const VCARD_FIELDS = {
  N: 'firstName',
  FN: 'fullName',
  ORG: 'company',
  TITLE: 'title',
  EMAIL: 'email',
  TEL: 'phone',
  BDAY: 'importantDate:birthday',
  ANNIVERSARY: 'importantDate:anniversary',
  URL: 'socialHandle:url',
  'X-SOCIALPROFILE': 'socialHandle:profile',
  IMPP: 'socialHandle:impp',
  CATEGORIES: 'tags',
  ADR: 'address:street',
  NOTE: 'note',
} as const;
export type VCardField = keyof typeof VCARD_FIELDS;

const SUPPORTED_VERSIONS = ['2.1', '3.0', '4.0'];
/** Instant-messaging properties older clients write instead of IMPP. */
const IM_PROPERTIES: Record<string, string> = {
  'X-AIM': 'aim',
  'X-ICQ': 'icq',
  'X-JABBER': 'xmpp',
  'X-MSN': 'msn',
  'X-SKYPE': 'skype',
  'X-SKYPE-USERNAME': 'skype',
  'X-YAHOO': 'yahoo',
  'X-GADUGADU': 'gadugadu',
  'X-TWITTER': 'x',
};
const ANNIVERSARY_PROPERTIES = ['ANNIVERSARY', 'X-ANNIVERSARY', 'X-EVOLUTION-ANNIVERSARY', 'X-MS-ANNIVERSARY'];
/** Properties about the card rather than the person: nothing of the contact is lost without them. */
const CARD_METADATA = new Set(['PRODID', 'REV', 'UID', 'KIND', 'SOURCE', 'NAME', 'PROFILE', 'CLIENTPIDMAP', 'SORT-STRING', 'LABEL']);
/** Properties that only describe another property of their group (Apple's labels and address country codes). */
const GROUP_DETAILS = new Set(['X-ABLABEL', 'X-ABADR']);

/** TYPE values that say how a number or address is used, as opposed to `INTERNET`, `PREF`, `VOICE`. */
const USEFUL_TYPES = ['work', 'home', 'cell', 'mobile', 'fax', 'pager', 'main', 'other', 'iphone', 'personal'];

/** Which of VCARD_FIELDS a property of the card feeds, if any. */
export function fieldOf(card: VCard, property: VCardProperty): VCardField | null {
  if (property.name in VCARD_FIELDS) return property.name as VCardField;
  if (ANNIVERSARY_PROPERTIES.includes(property.name)) return 'ANNIVERSARY';
  // Apple and Google write dates they have no property for as X-ABDATE with a label.
  if (property.name === 'X-ABDATE' && /anniversary/i.test(labelOf(card, property) ?? '')) return 'ANNIVERSARY';
  if (property.name in IM_PROPERTIES) return 'IMPP';
  return null;
}

/** Apple's `_$!<Mobile>!$_` labels read as `Mobile`. */
function cleanLabel(label: string): string {
  return label.replace(/^_\$!<(.*)>!\$_$/, '$1').trim();
}

function labelOf(card: VCard, property: VCardProperty): string | undefined {
  if (property.group) {
    const ab = card.properties.find((p) => p.group === property.group && p.name === 'X-ABLABEL');
    if (ab) return cleanLabel(unescapeText(ab.value)).slice(0, 40) || undefined;
  }
  const types = (property.params.TYPE ?? []).flatMap((t) => t.split(',')).map((t) => t.trim().toLowerCase());
  const useful = types.find((t) => USEFUL_TYPES.includes(t));
  if (useful) return useful === 'mobile' ? 'cell' : useful;
  // 4.0 grouped properties such as WORK.TEL carry their use in the group name.
  const group = property.group?.toLowerCase();
  return group && USEFUL_TYPES.includes(group) ? group : undefined;
}

function isPreferred(property: VCardProperty): boolean {
  return (property.params.TYPE ?? []).some((t) => t.toLowerCase() === 'pref') || property.params.PREF?.[0] === '1';
}

/** `tel:+1-418-656-9254;ext=102` → `+1-418-656-9254 x102`. */
function phoneNumber(value: string): string {
  const text = unescapeText(value).trim();
  if (!/^tel:/i.test(text)) return text;
  const [number = '', ...params] = text.slice(4).split(';');
  const ext = params.find((p) => p.toLowerCase().startsWith('ext='));
  return ext ? `${number} x${ext.slice(4)}` : number;
}

/** The card still imports without the value; the report names it. */
function skip(draft: ContactDraft, property: VCardProperty, reason: string) {
  draft.skipped.push({ field: property.name, reason });
}

function importantDate(property: VCardProperty, kind: Static<typeof ImportantDate>['kind'], draft: ContactDraft) {
  const text = unescapeText(property.value).trim();
  const date = parseImportantDate(text);
  if (date) pushItem(draft, 'importantDates', { kind, date }, property.name);
  else skip(draft, property, `"${text.slice(0, 40)}" is not a date (a year, month and day, or a month and day); not imported`);
}

function applyProperty(card: VCard, property: VCardProperty, field: VCardField, draft: ContactDraft) {
  const value = property.value;
  const input = draft.input;
  switch (field) {
    case 'N': {
      const [family = '', given = ''] = splitValue(value, ';');
      if (given.trim()) {
        input.firstName = given.trim();
        draft.sources.firstName = 'N';
      }
      if (family.trim()) {
        input.lastName = family.trim();
        draft.sources.lastName = 'N';
      }
      return;
    }
    case 'FN':
      return;
    case 'ADR': {
      // post-office box; extended address; street; locality; region; postal code; country
      const [, extended = '', street = '', locality = '', region = '', postcode = '', country = ''] = splitValue(value, ';').map((part) =>
        addressLine(unescapeText(part)),
      );
      const parts = Object.entries({ street, line2: extended, locality, region, postcode, country }).filter(([, text]) => text);
      if (!parts.length) return;
      if (input.address) return skip(draft, property, 'a contact has one postal address: only the first was imported');
      input.address = Object.fromEntries(parts);
      draft.sources.address = 'ADR';
      return;
    }
    case 'ORG': {
      const name = splitValue(value, ';')[0]?.trim();
      if (name && !draft.companyName) draft.companyName = name;
      return;
    }
    case 'TITLE': {
      const title = unescapeText(value).trim();
      if (title && !input.title) {
        input.title = title;
        draft.sources.title = 'TITLE';
      }
      return;
    }
    case 'EMAIL': {
      const address = unescapeText(value)
        .trim()
        .replace(/^mailto:/i, '');
      if (!address || input.emails?.some((e) => e.address.toLowerCase() === address.toLowerCase())) return;
      const label = labelOf(card, property);
      const item = label ? { address, label } : { address };
      if (isPreferred(property) && input.emails?.length) {
        // The preferred address leads, since the first one is what the contact is shown by.
        input.emails.unshift(item);
        draft.sources['emails.0'] = 'EMAIL';
      } else pushItem(draft, 'emails', item, 'EMAIL');
      return;
    }
    case 'TEL': {
      const number = phoneNumber(value);
      if (!number || input.phones?.some((p) => p.number === number)) return;
      const label = labelOf(card, property);
      pushItem(draft, 'phones', label ? { number, label } : { number }, 'TEL');
      return;
    }
    case 'BDAY':
      return importantDate(property, 'birthday', draft);
    case 'ANNIVERSARY':
      return importantDate(property, 'anniversary', draft);
    case 'URL':
    case 'X-SOCIALPROFILE': {
      const url = unescapeText(value).trim();
      const typed = property.params.TYPE?.[0]?.toLowerCase();
      const network = networkOfUrl(url) ?? (field === 'X-SOCIALPROFILE' && typed ? typed : null);
      // Plain home pages are not social profiles, and contacts have no website field.
      if (network) pushItem(draft, 'socialHandles', socialHandle(network, url), property.name);
      else if (url)
        skip(
          draft,
          property,
          `"${url.slice(0, 60)}" is not a social profile Rapport knows, and contacts have no website field; not imported`,
        );
      return;
    }
    case 'IMPP': {
      const text = unescapeText(value).trim();
      const scheme = /^([a-z][a-z0-9+.-]*):(.+)$/i.exec(text);
      const network = IM_PROPERTIES[property.name] ?? scheme?.[1]?.toLowerCase() ?? 'im';
      const handle = property.name === 'IMPP' && scheme ? scheme[2]! : text;
      if (handle) pushItem(draft, 'socialHandles', { network, handle }, property.name);
      return;
    }
    case 'NOTE': {
      return addNote(draft, unescapeText(value).trim(), property.name);
    }
    case 'CATEGORIES': {
      const tags = splitValue(value, ',')
        .map((t) => t.trim())
        .filter(Boolean);
      if (tags.length) {
        input.tags = [...(input.tags ?? []), ...tags];
        draft.sources.tags = 'CATEGORIES';
      }
      return;
    }
  }
}

/** `Doe, John` or `John Doe` → first and last name. */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const text = full.trim();
  const comma = text.indexOf(',');
  if (comma > 0) return { firstName: text.slice(comma + 1).trim(), lastName: text.slice(0, comma).trim() };
  const space = text.lastIndexOf(' ');
  if (space < 0) return { firstName: text, lastName: '' };
  return { firstName: text.slice(0, space).trim(), lastName: text.slice(space + 1).trim() };
}

/** A card as a contact draft; `skipped` lists the properties the user chose not to import. */
export function vcardToDraft(card: VCard, skipped: ReadonlySet<string> = new Set()): ContactDraft {
  const draft = newDraft(card.index);
  if (card.version && !SUPPORTED_VERSIONS.includes(card.version)) {
    draft.problems.push({ field: 'VERSION', reason: `vCard version ${card.version} is not supported (2.1, 3.0 and 4.0 are)` });
    return draft;
  }
  const unused = new Set<string>();
  for (const property of card.properties) {
    const field = fieldOf(card, property);
    if (field && !skipped.has(field)) applyProperty(card, property, field, draft);
    else if (!field && !CARD_METADATA.has(property.name) && !GROUP_DETAILS.has(property.name)) unused.add(property.name);
  }
  for (const name of unused) draft.skipped.push({ field: name, reason: 'a contact has no place for this property; not imported' });
  const fn = card.properties.find((p) => p.name === 'FN');
  const fullName = fn ? unescapeText(fn.value).trim() : '';
  // FN is the name as displayed; use it when N says nothing, unless it is just an e-mail address.
  if (!skipped.has('FN') && !draft.input.firstName && !draft.input.lastName && fullName && !fullName.includes('@')) {
    const { firstName, lastName } = splitFullName(fullName);
    Object.assign(draft.input, { firstName, lastName });
    draft.sources.firstName = 'FN';
    draft.sources.lastName = 'FN';
  }
  if (!draft.sources.firstName) draft.sources.firstName = 'N';
  return draft;
}
