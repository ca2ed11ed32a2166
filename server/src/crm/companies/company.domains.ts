/**
 * Company web domains. They are matched against e-mail addresses and links later (identity
 * resolution), so they are stored in one canonical form: lower-case ASCII hostnames.
 */
import { domainToASCII } from 'node:url';
import type { FieldProblem } from '../../platform/http/errors.js';

const HOST_CHARACTERS = /^[\p{L}\p{M}\p{N}.-]+$/u;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The canonical hostname, or null when `raw` is not one (URLs, e-mail addresses and IPs are not). */
export function normaliseDomain(raw: string): string | null {
  const trimmed = raw.trim().replace(/\.$/, '');
  // Letters, digits, dots and hyphens only: domainToASCII alone would quietly cut a path off.
  if (!HOST_CHARACTERS.test(trimmed)) return null;
  // Lower-cases and converts international names to punycode; '' when that is impossible.
  const host = domainToASCII(trimmed);
  if (!host || host.length > 253) return null;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return null;
  return host;
}

/** Canonical, de-duplicated domains, and a problem naming each entry that is not a hostname. */
export function normaliseDomains(raw: readonly string[]): { domains: string[]; problems: FieldProblem[] } {
  const domains: string[] = [];
  const problems: FieldProblem[] = [];
  raw.forEach((value, i) => {
    const host = normaliseDomain(value);
    if (!host) problems.push({ field: `domains.${i}`, reason: 'must be a hostname such as example.com' });
    else if (!domains.includes(host)) domains.push(host);
  });
  return { domains, problems };
}
