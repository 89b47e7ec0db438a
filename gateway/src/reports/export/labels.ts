import type { Translated } from '../definition';

/**
 * Names and labels of what an export adds to a table's own columns. Machine names go where a
 * program reads them (CSV headers, JSON keys); labels where a person does (spreadsheet sheets).
 */
export const STALE_COLUMN = {
  name: 'stale',
  label: { fr: 'Données anciennes', nl: 'Verouderde gegevens', en: 'Stale' },
} as const satisfies { name: string; label: Translated };

/** The columns of the provenance table: one row per commune of the read. */
export const PROVENANCE_COLUMNS = [
  { name: 'commune', label: { fr: 'Commune', nl: 'Gemeente', en: 'Commune' } },
  { name: 'state', label: { fr: 'État', nl: 'Toestand', en: 'State' } },
  { name: 'readAt', label: { fr: 'Lu le', nl: 'Gelezen op', en: 'Read at' } },
  {
    name: 'ageSeconds',
    label: { fr: 'Âge (secondes)', nl: 'Leeftijd (seconden)', en: 'Age (seconds)' },
  },
  { name: 'error', label: { fr: 'Erreur', nl: 'Fout', en: 'Error' } },
] as const satisfies readonly { name: string; label: Translated }[];

export const SHEET_NAMES = {
  data: { fr: 'Données', nl: 'Gegevens', en: 'Data' },
  provenance: { fr: 'Provenance', nl: 'Herkomst', en: 'Provenance' },
} as const satisfies Record<string, Translated>;
