import type { DimensionColumn } from '../definition';

/** The first dimension of every report: the commune a row comes from. */
export const COMMUNE_DIMENSION: DimensionColumn = {
  name: 'commune',
  label: { fr: 'Commune', nl: 'Gemeente', en: 'Commune' },
  type: 'COMMUNE',
};

/** A month dimension (`2026-03`), the period of the reports that have one. */
export const MONTH_DIMENSION: DimensionColumn = {
  name: 'month',
  label: { fr: 'Mois', nl: 'Maand', en: 'Month' },
  type: 'MONTH',
};

/** The list a field of the answer holds, empty when the commune answered nothing for it. */
export function listOf<T>(data: Record<string, unknown>, field: string): T[] {
  const value = data[field];
  return Array.isArray(value) ? (value as T[]) : [];
}
