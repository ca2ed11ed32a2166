/**
 * Column mapping for CSV imports: which contact field each column fills. Targets are strings so
 * the web app and the CLI (`--map "E-mail=email"`) can say them the same way:
 *
 *   firstName lastName fullName title company tags lifecycleStage ignore
 *   (tags and multi-select custom fields split on , or ;, with \, \; and \\ kept as in our exports)
 *   email email2 …  phone phone2 …        (each adds one; a cell may hold several, split on , or ;)
 *   socialHandle:<network>  importantDate:<birthday|anniversary|renewal|custom>  custom:<key>
 *   address:<streetNumber|street|line2|locality|region|postcode|country>
 *   note                                  (a note on the contact's timeline)
 *   socialHandles  importantDates   (lists as our exports write them, split on ; with \; kept:
 *                                    `mastodon:@ada@fosstodon.org; linkedin:ada https://…`,
 *                                    `birthday:1990-04-01; custom:2020-03-01 Founding day\; party`)
 *   emailLabels  phoneLabels         (the labels of the row's e-mails or phones, by position, as
 *                                    our exports write them: `work; ; home`, a blank for none)
 *   companyId  ownerId  teamId       (ids, as our exports write them; kept when they are this
 *                                    workspace's, see import.service.ts; an empty owner or team
 *                                    cell is none)
 *   companyDomain                    (the company's web domain: finds the company that has it before
 *                                    its name is looked up, see import.writer.ts)
 *
 * `custom.<key>` and `birthday`/`anniversary` are accepted as aliases.
 */
import type { FieldProblem } from '../../platform/http/errors.js';
import { normaliseDomain } from '../companies/company.domains.js';
import { ADDRESS_PARTS, LIFECYCLE_STAGES, type AddressPart } from '../contacts/contact.schema.js';
import type { CustomField } from '../custom-fields/custom-field.schema.js';
import {
  addNote,
  addressLine,
  cleanCell,
  networkOfUrl,
  newDraft,
  parseImportantDate,
  pushItem,
  socialHandle,
  splitList,
  websiteHost,
  type ContactDraft,
} from './import.draft.js';
import { splitItems, splitItemsKeepingBlanks } from '../shared/list-items.js';
import {
  checkColumns,
  customKeyOf,
  customTargetOf,
  customValue,
  normaliseHeader as normalise,
  suggestColumns,
  type ColumnTargets,
  type Mapping,
} from './mapping.rules.js';
import { splitFullName } from './vcard.contact.js';

export type { Mapping } from './mapping.rules.js';

const SINGLE = [
  'firstName',
  'lastName',
  'fullName',
  'title',
  'company',
  'companyId',
  'companyDomain',
  'ownerId',
  'teamId',
  'lifecycleStage',
  'emailLabels',
  'phoneLabels',
] as const;
const DATE_KINDS = ['birthday', 'anniversary', 'renewal', 'custom'] as const;

const LISTS = ['socialHandles', 'importantDates'] as const;

export type Target =
  | { kind: 'ignore' }
  | { kind: (typeof SINGLE)[number] }
  | { kind: 'tags' }
  | { kind: 'note' }
  | { kind: (typeof LISTS)[number] }
  | { kind: 'email' | 'phone' }
  | { kind: 'socialHandle'; network: string }
  | { kind: 'importantDate'; dateKind: (typeof DATE_KINDS)[number] }
  | { kind: 'address'; part: AddressPart }
  | { kind: 'custom'; key: string };

/** Parses a mapping target; null when it is not one. */
export function parseTarget(raw: string | null): Target | null {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'ignore') return { kind: 'ignore' };
  if ((SINGLE as readonly string[]).includes(text)) return { kind: text as (typeof SINGLE)[number] };
  if (text === 'tags') return { kind: 'tags' };
  if (text === 'note') return { kind: 'note' };
  if ((LISTS as readonly string[]).includes(text)) return { kind: text as (typeof LISTS)[number] };
  if (/^email\d{0,2}$/.test(text)) return { kind: 'email' };
  if (/^phone\d{0,2}$/.test(text)) return { kind: 'phone' };
  const [prefix, rest = ''] = text.includes(':') ? [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1)] : [text, ''];
  if (prefix === 'socialHandle' && /^[a-z0-9][a-z0-9_.-]{0,39}$/.test(rest)) return { kind: 'socialHandle', network: rest };
  const dateKind = prefix === 'importantDate' ? rest : text;
  if ((DATE_KINDS as readonly string[]).includes(dateKind) && (prefix === 'importantDate' || dateKind !== 'custom')) {
    return { kind: 'importantDate', dateKind: dateKind as (typeof DATE_KINDS)[number] };
  }
  if (prefix === 'address' && (ADDRESS_PARTS as readonly string[]).includes(rest)) return { kind: 'address', part: rest as AddressPart };
  const key = customKeyOf(text);
  return key ? { kind: 'custom', key } : null;
}

/** The contact fields a column can fill; the single ones (and each part of the address) from one column only. */
const CONTACT_COLUMNS: ColumnTargets = {
  record: 'contact',
  slotOf(raw) {
    const target = parseTarget(raw);
    if (!target) return undefined;
    if (target.kind === 'address') return `address:${target.part}`;
    return (SINGLE as readonly string[]).includes(target.kind) ? target.kind : null;
  },
};

/** Checks a mapping against the file's columns; problems name `mapping.<column>`. */
export function checkMapping(columns: readonly string[], mapping: Mapping): FieldProblem[] {
  return checkColumns(CONTACT_COLUMNS, columns, mapping);
}

const WORDS: [RegExp, string][] = [
  [/^(first|given|fore) ?name$|^first$|^vorname$|^prenom$/, 'firstName'],
  [/^(last|family|sur) ?name$|^last$|^surname$|^nachname$|^nom$/, 'lastName'],
  [/^(full |contact )?name$|^contact$|^fullname$/, 'fullName'],
  [/^(job )?title$|^position$|^job$|^role$|^jobtitle$/, 'title'],
  [/^(company|organi[sz]ation|employer|account|org)( name)?$/, 'company'],
  [/^(tags?|labels?|categories|groups)$/, 'tags'],
  [/^(lifecycle ?stage|lifecycle|stage|lead stage)$/, 'lifecycleStage'],
  [/^(notes?|comments?)$/, 'note'],
  [/^(email|mail) labels?$/, 'emailLabels'],
  [/^phone labels?$/, 'phoneLabels'],
  [/^company id$/, 'companyId'],
  [/^(company|organi[sz]ation|account) (domain( name)?|website( url)?|web ?site|url)$/, 'companyDomain'],
  [/^owner id$/, 'ownerId'],
  [/^team id$/, 'teamId'],
  [/^(birthday|birth ?date|date of birth|dob)$/, 'importantDate:birthday'],
  [/^(anniversary|wedding anniversary)( date)?$/, 'importantDate:anniversary'],
  [/^renewal( date)?$/, 'importantDate:renewal'],
  [/^social (handles|profiles)$/, 'socialHandles'],
  [/^important dates$/, 'importantDates'],
  [/^(street|house) ?(number|no|nr)$/, 'address:streetNumber'],
  [/^(street|address|address ?1|address line ?1|street address|mailing street)$/, 'address:street'],
  [/^(address ?2|address line ?2|suite|building)$/, 'address:line2'],
  [/^(city|town|locality|suburb|mailing city)$/, 'address:locality'],
  [/^(state|province|region|county|mailing state)$/, 'address:region'],
  [/^(postcode|post code|postal code|zip|zip code|zipcode|mailing zip)$/, 'address:postcode'],
  [/^(country|mailing country)$/, 'address:country'],
];
const NETWORKS: Record<string, string> = {
  linkedin: 'linkedin',
  twitter: 'x',
  x: 'x',
  mastodon: 'mastodon',
  bluesky: 'bluesky',
  bsky: 'bluesky',
  github: 'github',
  instagram: 'instagram',
  facebook: 'facebook',
  tiktok: 'tiktok',
  youtube: 'youtube',
  xing: 'xing',
};

/** Guesses a target from an English header such as `First Name`, `email_work`, `Phone (Mobile)`. */
export function suggestTarget(header: string, customFields: readonly CustomField[]): string | null {
  const text = normalise(header);
  // Our own exports name address columns `address:<part>` and custom columns `custom:<key>`.
  if (parseTarget(header.trim())?.kind === 'address') return header.trim();
  const custom = customTargetOf(header, customFields);
  if (custom) return custom;
  for (const [pattern, target] of WORDS) if (pattern.test(text)) return target;
  const words = text.split(' ');
  if (words.some((w) => w === 'email' || w === 'mail' || w === 'emails')) return 'email';
  if (words.some((w) => ['phone', 'phones', 'mobile', 'tel', 'telephone', 'cell'].includes(w))) return 'phone';
  // `LinkedIn URL` reads as `linked in url` once camel case is split; match the joined form too.
  const joined = words.join('');
  const network =
    words.map((w) => NETWORKS[w]).find(Boolean) ?? Object.entries(NETWORKS).find(([k]) => k.length > 2 && joined.startsWith(k))?.[1];
  if (network && words.length <= 3) return `socialHandle:${network}`;
  return null;
}

/** A suggested target per column; repeated e-mail and phone columns become email2, phone2… */
export function suggestMapping(columns: readonly string[], customFields: readonly CustomField[]): Mapping {
  return suggestColumns(columns, (column) => suggestTarget(column, customFields), ['email', 'phone']);
}

/** The label an e-mail or phone column implies: `email_work` → work, `Mobile Phone` → cell. */
function labelOf(column: string): string | undefined {
  const words = normalise(column).split(' ');
  if (words.includes('mobile') || words.includes('cell')) return 'cell';
  return ['work', 'home', 'other', 'personal', 'fax', 'office', 'private', 'business'].find((w) => words.includes(w));
}

/** `network:handle`, optionally followed by the profile's URL; or `network:<profile URL>`. */
function listedHandle(item: string): { network: string; handle: string; url?: string } | null {
  // A bare profile URL names its network by its host, when it is one we know.
  if (/^https?:\/\//i.test(item)) {
    const network = networkOfUrl(item);
    return network ? socialHandle(network, item) : null;
  }
  const [, network, rest] = /^([^:\s]{1,40}):\s*(.+)$/.exec(item) ?? [];
  if (!network || !rest) return null;
  const [, handle, url] = /^(.*\S)\s+(https?:\/\/\S+)$/i.exec(rest) ?? [];
  return handle && url ? { network, handle, url } : socialHandle(network, rest);
}

/** `kind:YYYY-MM-DD`, optionally followed by the date's label. */
function listedDate(item: string): { kind: (typeof DATE_KINDS)[number]; date: string; label?: string } | null {
  const [, kind, text, label] = /^([a-z]+):\s*(\S+)(?:\s+(.+))?$/.exec(item) ?? [];
  const date = text ? parseImportantDate(text) : null;
  if (!date || !(DATE_KINDS as readonly string[]).includes(kind!)) return null;
  return { kind: kind as (typeof DATE_KINDS)[number], date, ...(label ? { label } : {}) };
}

/**
 * Labels a row's e-mails or phones by position, in the order the row's columns gave them; a blank
 * leaves one as it is. A label with nothing to label is reported, not dropped unsaid.
 */
function applyLabels(draft: ContactDraft, list: 'emails' | 'phones', labels: readonly string[], column: string): void {
  const items = draft.input[list] ?? [];
  for (const [i, label] of labels.entries()) {
    const item = items[i];
    if (!label) continue;
    if (item) {
      item.label = label;
      draft.sources[`${list}.${i}.label`] = column;
    } else {
      const what = list === 'emails' ? 'e-mail' : 'phone';
      const count = items.length === 1 ? `1 ${what}` : `${items.length} ${what}s`;
      draft.skipped.push({ field: column, reason: `"${label.slice(0, 40)}" labels no ${what} (the row has ${count}); not imported` });
    }
  }
}

export interface MappedColumn {
  index: number;
  column: string;
  target: Target;
  /** For e-mail and phone columns, the label the header implies. */
  label: string | undefined;
}

/** The mapping in column order, ready to apply to many rows. */
export function compileMapping(columns: readonly string[], mapping: Mapping): MappedColumn[] {
  return columns
    .map((column, index) => ({
      index,
      column,
      target: parseTarget(mapping[column] ?? null) ?? { kind: 'ignore' as const },
      label: labelOf(column),
    }))
    .filter((m) => m.target.kind !== 'ignore');
}

/** One CSV row as a contact draft. */
export function csvRowToDraft(
  cells: readonly string[],
  row: number,
  mapped: readonly MappedColumn[],
  fields: ReadonlyMap<string, CustomField>,
): ContactDraft {
  const draft = newDraft(row);
  const input = draft.input;
  const labels: { list: 'emails' | 'phones'; column: string; labels: string[] }[] = [];
  for (const { index, column, target, label } of mapped) {
    const text = cleanCell(cells[index] ?? '');
    if (target.kind === 'ownerId' || target.kind === 'teamId') {
      // Our exports leave the cell empty for a contact nobody owns, or in no team.
      draft.references[target.kind] = text || null;
      draft.sources[target.kind] = column;
      continue;
    }
    if (!text) continue;
    switch (target.kind) {
      case 'firstName':
      case 'lastName':
      case 'title':
      case 'lifecycleStage':
        if (target.kind === 'lifecycleStage') {
          const stage = text.toLowerCase();
          input.lifecycleStage = ((LIFECYCLE_STAGES as readonly string[]).includes(stage) ? stage : text) as typeof input.lifecycleStage;
        } else input[target.kind] = text;
        draft.sources[target.kind] = column;
        break;
      case 'note':
        addNote(draft, text, column);
        break;
      case 'fullName': {
        const { firstName, lastName } = splitFullName(text);
        input.firstName ??= firstName;
        input.lastName ??= lastName;
        draft.sources.firstName ??= column;
        draft.sources.lastName ??= column;
        break;
      }
      case 'company':
        draft.companyName = text;
        draft.sources.company = column;
        break;
      case 'companyId':
        draft.references.companyId = text;
        draft.sources.companyId = column;
        break;
      case 'companyDomain': {
        const domain = normaliseDomain(websiteHost(text));
        if (domain) draft.companyDomain = domain;
        else draft.skipped.push({ field: column, reason: `"${text.slice(0, 40)}" is not a domain such as example.com; not imported` });
        draft.sources.companyDomain = column;
        break;
      }
      case 'tags':
        input.tags = [...(input.tags ?? []), ...splitItems(text, ';,')];
        draft.sources.tags = column;
        break;
      case 'email':
        for (const address of splitList(text)) {
          pushItem(draft, 'emails', label ? { address, label } : { address }, column);
        }
        break;
      case 'phone':
        for (const number of splitList(text)) {
          pushItem(draft, 'phones', label ? { number, label } : { number }, column);
        }
        break;
      case 'emailLabels':
      case 'phoneLabels':
        // Applied once every e-mail or phone column has been read.
        labels.push({ list: target.kind === 'emailLabels' ? 'emails' : 'phones', column, labels: splitItemsKeepingBlanks(text) });
        break;
      case 'socialHandle':
        pushItem(draft, 'socialHandles', socialHandle(target.network, text), column);
        break;
      case 'socialHandles':
        for (const item of splitItems(text)) {
          const handle = listedHandle(item);
          if (handle) pushItem(draft, 'socialHandles', handle, column);
          else
            draft.problems.push({
              field: column,
              reason: `"${item.slice(0, 40)}" is not network:handle (e.g. mastodon:@ada@fosstodon.org)`,
            });
        }
        break;
      case 'importantDates':
        for (const item of splitItems(text)) {
          const date = listedDate(item);
          if (date) pushItem(draft, 'importantDates', date, column);
          else draft.problems.push({ field: column, reason: `"${item.slice(0, 40)}" is not kind:YYYY-MM-DD (e.g. birthday:1990-04-01)` });
        }
        break;
      case 'importantDate': {
        const date = parseImportantDate(text);
        if (date) pushItem(draft, 'importantDates', { kind: target.dateKind, date }, column);
        else
          draft.problems.push({
            field: column,
            reason: `"${text.slice(0, 40)}" is not a date (use YYYY-MM-DD, or --MM-DD without a year)`,
          });
        break;
      }
      case 'address':
        input.address = { ...input.address, [target.part]: addressLine(text) };
        draft.sources[`address.${target.part}`] = column;
        break;
      case 'custom':
        input.custom = { ...input.custom, [target.key]: customValue(fields.get(target.key), text) as string };
        draft.sources[`custom.${target.key}`] = column;
        break;
    }
  }
  for (const { list, column, labels: given } of labels) applyLabels(draft, list, given, column);
  // A row without any name is reported against the column that should have held one.
  draft.sources.firstName ??= mapped.find((m) => ['firstName', 'fullName', 'lastName'].includes(m.target.kind))?.column ?? 'name';
  return draft;
}
