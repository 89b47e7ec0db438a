import { BadUserInput, COMMUNE_CODE_FORMAT, isCommuneCode, type FieldProblem } from '@communes/kit';
import type { ReportDefinition } from './definition';
import type { ReportReadInput } from './table';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// An ISO 8601 instant with its offset: a bare date or local time would depend on the hub's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A read's arguments once checked: the instant, and the shaping the table applies. */
export interface CheckedRead {
  asOf: Date;
  communes: string[] | null;
  from: string | null;
  to: string | null;
  /** Null: every dimension kept. */
  groupBy: string[] | null;
  where: { dimension: string; values: Set<string> }[];
}

/**
 * Checks a read against the report's columns; every problem is reported at once, each naming
 * its argument (`read.groupBy`, `read.where.0.dimension`) under `prefix`.
 */
export function checkRead(
  report: ReportDefinition,
  input: ReportReadInput | null | undefined,
  prefix = 'read',
  now: Date = new Date(),
): CheckedRead {
  const problems: FieldProblem[] = [];
  const read = input ?? {};
  const dimensions = report.dimensions.map((d) => d.name);
  const known = `one of the report's dimensions: ${dimensions.join(', ')}`;

  const communes = read.communes ? [...new Set(read.communes)].sort(byCode) : null;
  for (const code of communes ?? []) {
    if (!isCommuneCode(code))
      problems.push({
        field: `${prefix}.communes`,
        reason: `${JSON.stringify(code)} is not a commune code (${COMMUNE_CODE_FORMAT})`,
      });
  }
  for (const name of ['from', 'to'] as const) {
    const month = read[name];
    if (month == null) continue;
    if (!report.periodDimension)
      problems.push({ field: `${prefix}.${name}`, reason: `report ${report.id} has no months` });
    else if (!MONTH.test(month))
      problems.push({ field: `${prefix}.${name}`, reason: 'must be a month, YYYY-MM (2026-03)' });
  }
  if (read.from && read.to && MONTH.test(read.from) && MONTH.test(read.to) && read.to < read.from)
    problems.push({ field: `${prefix}.to`, reason: `must not be before from (${read.from})` });

  let asOf = now;
  if (read.asOf != null) {
    const parsed = new Date(read.asOf);
    if (!INSTANT.test(read.asOf) || Number.isNaN(parsed.getTime()))
      problems.push({
        field: `${prefix}.asOf`,
        reason: 'must be an ISO 8601 instant with its offset (2026-03-01T00:00:00Z)',
      });
    else asOf = parsed;
  }
  for (const name of read.groupBy ?? []) {
    if (!dimensions.includes(name))
      problems.push({
        field: `${prefix}.groupBy`,
        reason: `${JSON.stringify(name)} is not ${known}`,
      });
  }
  (read.where ?? []).forEach((w, i) => {
    if (!dimensions.includes(w.dimension))
      problems.push({
        field: `${prefix}.where.${i}.dimension`,
        reason: `${JSON.stringify(w.dimension)} is not ${known}`,
      });
    if (w.values.length === 0)
      problems.push({
        field: `${prefix}.where.${i}.values`,
        reason: 'must name at least one value',
      });
  });
  if (problems.length > 0) throw new BadUserInput(problems);
  return {
    asOf,
    communes,
    from: read.from ?? null,
    to: read.to ?? null,
    groupBy: read.groupBy ? dimensions.filter((d) => read.groupBy!.includes(d)) : null,
    where: (read.where ?? []).map((w) => ({ dimension: w.dimension, values: new Set(w.values) })),
  };
}

/** Byte order, as the database's `COLLATE "C"` sorts commune codes. */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
