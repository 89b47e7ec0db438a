/**
 * The time zone a commune's dates are read in: decision months and `decidedFrom`/`from`
 * filters are local calendar dates. Belgium and metropolitan France share Europe/Brussels'
 * rules; French overseas communes have their own.
 */
const OVERSEAS: Record<string, string> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '975': 'America/Miquelon',
  '976': 'Indian/Mayotte',
};

export function timeZoneOf(communeCode: string): string {
  if (communeCode.startsWith('FR-')) return OVERSEAS[communeCode.slice(3, 6)] ?? 'Europe/Paris';
  return 'Europe/Brussels';
}
/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
