import { isCommuneCode, type FieldProblem } from '@communes/kit';
import type { ReportDefinition, ReportLanguage } from '../definition';
import type { ReportReadInput } from '../table';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

/** CSV for programs (comma, RFC 4180) or for spreadsheets set to a Belgian or French locale. */
export type CsvSeparator = 'comma' | 'semicolon';

/** Which table of the read a CSV holds: its rows, or where each commune's part comes from. */
export type CsvPart = 'rows' | 'communes';

/** What one export request asks: the read, and how the file is written. */
export interface ExportRequest {
  read: ReportReadInput;
  language: ReportLanguage;
  separator: CsvSeparator;
  part: CsvPart;
}

const LANGUAGES: readonly ReportLanguage[] = ['fr', 'nl', 'en'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** An instant with its offset (`2026-03-01T00:00:00Z`, `…+01:00`), as `asOf` takes it. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const PARAMETERS = ['communes', 'from', 'to', 'asOf', 'groupBy', 'where', 'language'];
const CSV_PARAMETERS = ['separator', 'part'];

/**
 * Reads an export's query string (`communes=BE-92094,FR-59350&from=2025-01&to=2026-12&asOf=…
 * &groupBy=commune,topic&where=body:COUNCIL,COLLEGE&language=nl`) against the report's columns.
 * Every problem is reported at once, each naming its parameter; a parameter the export does
 * not know is refused rather than ignored, so that a misspelt filter cannot widen the file.
 */
export function parseExportQuery(
  query: Record<string, unknown>,
  report: ReportDefinition,
  format: ExportFormat,
): ExportRequest | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = format === 'csv' ? [...PARAMETERS, ...CSV_PARAMETERS] : PARAMETERS;
  for (const name of Object.keys(query))
    if (!known.includes(name))
      problems.push({
        field: name,
        reason: CSV_PARAMETERS.includes(name)
          ? 'applies to the CSV export only'
          : `is not a parameter of the export (${known.join(', ')})`,
      });
  const dimensions = report.dimensions.map((d) => d.name);
  const read: ReportReadInput = {};

  const communes = listOf(query, 'communes', problems);
  if (communes) {
    const bad = communes.filter((c) => !isCommuneCode(c));
    if (bad.length > 0 || communes.length === 0)
      problems.push({
        field: 'communes',
        reason: `must be commune codes separated by commas (BE-92094,FR-59350)${bad.length ? `; not one: ${bad.join(', ')}` : ''}`,
      });
    else read.communes = [...new Set(communes)];
  }
  for (const bound of ['from', 'to'] as const) {
    const month = single(query, bound, problems);
    if (month === undefined) continue;
    if (!MONTH.test(month)) problems.push({ field: bound, reason: 'must be a month, YYYY-MM' });
    else if (!report.periodDimension)
      problems.push({ field: bound, reason: `report ${report.id} has no month dimension` });
    else read[bound] = month;
  }
  if (read.from && read.to && read.from > read.to)
    problems.push({ field: 'to', reason: `must not be before from (${read.from})` });
  const asOf = single(query, 'asOf', problems);
  if (asOf !== undefined) {
    const instant = INSTANT.test(asOf) ? new Date(asOf) : null;
    if (!instant || Number.isNaN(instant.getTime()))
      problems.push({
        field: 'asOf',
        reason: 'must be an ISO 8601 instant with its offset (2026-03-01T00:00:00Z)',
      });
    else read.asOf = instant.toISOString();
  }
  const groupBy = listOf(query, 'groupBy', problems);
  if (groupBy) {
    const unknown = groupBy.filter((d) => !dimensions.includes(d));
    if (unknown.length > 0)
      problems.push({
        field: 'groupBy',
        reason: `${unknown.join(', ')}: not a dimension of ${report.id} (${dimensions.join(', ')})`,
      });
    else read.groupBy = [...new Set(groupBy)];
  }
  const where = whereOf(query, dimensions, report.id, problems);
  if (where) read.where = where;

  const language = single(query, 'language', problems) ?? 'fr';
  if (!LANGUAGES.includes(language as ReportLanguage))
    problems.push({ field: 'language', reason: `must be one of ${LANGUAGES.join(', ')}` });
  const separator = single(query, 'separator', problems) ?? 'comma';
  if (separator !== 'comma' && separator !== 'semicolon')
    problems.push({ field: 'separator', reason: 'must be comma or semicolon' });
  const part = single(query, 'part', problems) ?? 'rows';
  if (part !== 'rows' && part !== 'communes')
    problems.push({ field: 'part', reason: 'must be rows or communes' });

  if (problems.length > 0) return problems;
  return {
    read,
    language: language as ReportLanguage,
    separator: separator as CsvSeparator,
    part: part as CsvPart,
  };
}

/** A parameter given at most once. */
function single(
  query: Record<string, unknown>,
  name: string,
  problems: FieldProblem[],
): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    problems.push({ field: name, reason: 'must be given once' });
    return undefined;
  }
  return value;
}

/** A comma-separated list, which may also be given several times (`groupBy=a&groupBy=b`). */
function listOf(
  query: Record<string, unknown>,
  name: string,
  problems: FieldProblem[],
): string[] | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const parts = Array.isArray(value) ? value : [value];
  if (!parts.every((p) => typeof p === 'string')) {
    problems.push({ field: name, reason: 'must be a comma-separated list' });
    return undefined;
  }
  return parts.flatMap((p: string) => p.split(',')).filter((p) => p !== '');
}

/** `where=body:COUNCIL,COLLEGE`, repeatable: one condition per dimension. */
function whereOf(
  query: Record<string, unknown>,
  dimensions: string[],
  reportId: string,
  problems: FieldProblem[],
): ReportReadInput['where'] {
  const value = query['where'];
  if (value === undefined) return undefined;
  const parts = Array.isArray(value) ? value : [value];
  const where: { dimension: string; values: string[] }[] = [];
  for (const part of parts) {
    const match = typeof part === 'string' ? /^([^:]+):(.+)$/.exec(part) : null;
    const values = match?.[2]?.split(',').filter((v) => v !== '') ?? [];
    if (!match || values.length === 0) {
      problems.push({
        field: 'where',
        reason: 'must be dimension:value[,value…] (body:COUNCIL,COLLEGE)',
      });
      continue;
    }
    const dimension = match[1]!;
    if (!dimensions.includes(dimension)) {
      problems.push({
        field: 'where',
        reason: `${dimension}: not a dimension of ${reportId} (${dimensions.join(', ')})`,
      });
      continue;
    }
    where.push({ dimension, values });
  }
  return where;
}
