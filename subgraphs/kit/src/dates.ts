const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists, or null. */
export function parseDate(value: string): string | null {
  const match = DATE.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const exists = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1;
  return exists && date.getUTCDate() === d ? value.trim() : null;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month `YYYY-MM` (`2026-03`), trimmed, or null. */
export function parseMonth(value: string): string | null {
  const text = value.trim();
  return MONTH.test(text) ? text : null;
}

/** The last calendar date of a month `YYYY-MM`: `2024-02` → `2024-02-29`. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Reads a period of months, both ends included, adding a problem per bad end as
 * `<prefix>from`/`<prefix>to`. Null ends stay null; the dates span the whole months.
 */
export function readMonthPeriod(
  period: { from?: string | null; to?: string | null } | null | undefined,
  prefix: string,
  problems: { add(field: string, reason: string): void },
): { from: string | null; to: string | null } {
  const read = (value: string | null | undefined, name: string) => {
    if (value === null || value === undefined) return null;
    const month = parseMonth(value);
    if (!month)
      problems.add(`${prefix}${name}`, 'must be a month written YYYY-MM, such as 2026-03');
    return month;
  };
  const from = read(period?.from, 'from');
  const to = read(period?.to, 'to');
  if (from && to && to < from) {
    problems.add(`${prefix}to`, `must not be before ${prefix}from (${from})`);
  }
  return { from: from && `${from}-01`, to: to && lastDayOf(to) };
}
