/** The IANA time zones the browser knows, for picking where business hours are kept. */

/** The browser's own zone, where business hours start unless the policy names another. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Every zone the browser knows, sorted, with `current` among them: a zone saved through the API
 * (e.g. "UTC", which some browsers leave out of their list) still shows as chosen.
 */
export function timeZoneOptions(current: string, known: readonly string[] = Intl.supportedValuesOf('timeZone')): string[] {
  const zones = new Set([...known, 'UTC']);
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}
