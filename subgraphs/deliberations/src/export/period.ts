import type { FieldProblem } from '@communes/kit';

/** The decision dates to export, both inclusive, as ISO dates. */
export interface ExportPeriod {
  from: string;
  to: string;
}

/** Longer periods are refused: five years is already every decision of a term of office. */
export const MAX_PERIOD_YEARS = 5;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads `from` and `to` from the query string; every problem is reported at once. */
export function parseExportPeriod(query: Record<string, unknown>): ExportPeriod | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const from = isoDate(query, 'from', problems);
  const to = isoDate(query, 'to', problems);
  if (from === undefined || to === undefined) return problems;
  if (from > to) return [{ field: 'to', reason: `must not be before from (${from})` }];
  const limit = addYears(from, MAX_PERIOD_YEARS);
  if (to >= limit)
    return [
      {
        field: 'to',
        reason: `the period may span at most ${MAX_PERIOD_YEARS} years: to must be before ${limit}`,
      },
    ];
  return { from, to };
}

function isoDate(
  query: Record<string, unknown>,
  field: string,
  problems: FieldProblem[],
): string | undefined {
  const value = query[field];
  if (value === undefined || value === '') {
    problems.push({ field, reason: 'is required (YYYY-MM-DD)' });
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push({ field, reason: 'must be given once' });
    return undefined;
  }
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  // Date rolls 2026-02-30 over to March; reading the parts back catches it.
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    problems.push({ field, reason: 'must be an ISO 8601 calendar date (YYYY-MM-DD)' });
    return undefined;
  }
  return value;
}

function addYears(isoDay: string, years: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}
