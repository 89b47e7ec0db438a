/**
 * What the reports page shows, as it lives in the address (so a view can be shared) and as the
 * API and the export links take it.
 */
import type { ReportDefinition, ReportRead } from './api';
import type { Language } from './i18n';

export interface ReportFilters {
  /** Empty: every commune. */
  communes: string[];
  from: string | null;
  to: string | null;
  /** ISO instant; null: now. */
  asOf: string | null;
  /** One chosen value per filtered dimension. */
  where: Record<string, string>;
  /** The measure drawn; null: the report's first. */
  measure: string | null;
}

export const NO_FILTERS: ReportFilters = {
  communes: [],
  from: null,
  to: null,
  asOf: null,
  where: {},
  measure: null,
};

/** The report id from `/reports/<id>` or `/reports?report=<id>`. */
export function reportIdFrom(pathname: string, search: string): string | null {
  const match = /^\/reports\/([^/]+)\/?$/.exec(pathname);
  if (match) return decodeURIComponent(match[1]!);
  return new URLSearchParams(search).get('report');
}

export function filtersFrom(search: string): ReportFilters {
  const params = new URLSearchParams(search);
  const where: Record<string, string> = {};
  for (const entry of params.getAll('where')) {
    const at = entry.indexOf(':');
    if (at > 0) where[entry.slice(0, at)] = entry.slice(at + 1);
  }
  const communes = params.get('communes');
  return {
    communes: communes ? communes.split(',').filter(Boolean) : [],
    from: params.get('from') || null,
    to: params.get('to') || null,
    asOf: params.get('asOf') || null,
    where,
    measure: params.get('measure') || null,
  };
}

/** The page's address for a report and its filters, keeping the chosen language. */
export function pageSearch(filters: ReportFilters, language: string | null): string {
  const params = new URLSearchParams();
  if (language) params.set('lang', language);
  if (filters.communes.length) params.set('communes', filters.communes.join(','));
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.asOf) params.set('asOf', filters.asOf);
  for (const [dimension, value] of Object.entries(filters.where))
    params.append('where', `${dimension}:${value}`);
  if (filters.measure) params.set('measure', filters.measure);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function readOf(
  report: ReportDefinition,
  filters: ReportFilters,
  groupBy: string[] | null,
): ReportRead {
  const period = report.periodDimension !== null;
  const where = Object.entries(filters.where).map(([dimension, value]) => ({
    dimension,
    values: [value],
  }));
  return {
    communes: filters.communes.length ? filters.communes : null,
    from: period ? filters.from : null,
    to: period ? filters.to : null,
    asOf: filters.asOf,
    groupBy,
    where: where.length ? where : null,
  };
}

export type ExportFormat = 'csv' | 'csv-semicolon' | 'xlsx' | 'json';

/** `/reports/<id>/export.<ext>?…`: the same read as the page shows, as a file. */
export function exportHref(
  reportId: string,
  read: ReportRead,
  format: ExportFormat,
  language: Language,
): string {
  const params = new URLSearchParams();
  if (read.communes?.length) params.set('communes', read.communes.join(','));
  if (read.from) params.set('from', read.from);
  if (read.to) params.set('to', read.to);
  if (read.asOf) params.set('asOf', read.asOf);
  if (read.groupBy?.length) params.set('groupBy', read.groupBy.join(','));
  for (const w of read.where ?? []) params.append('where', `${w.dimension}:${w.values.join(',')}`);
  params.set('language', language);
  if (format === 'csv-semicolon') params.set('separator', 'semicolon');
  const extension = format === 'csv-semicolon' ? 'csv' : format;
  return `/reports/${encodeURIComponent(reportId)}/export.${extension}?${params.toString()}`;
}
