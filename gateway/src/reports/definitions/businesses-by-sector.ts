import type { ReportDefinition } from '../definition';
import { COMMUNE_DIMENSION, listOf } from './commune-dimension';

interface SectorCount {
  key: string;
  count: number;
}

/**
 * The communes' businesses by NACE section of their main activity. Sections differ between
 * NACE versions, so a section is named with its version (`NACE_2008/G`), as the directory's
 * bucket key does: G of 2008 and G of 2025 are not added together.
 */
export const businessesBySector: ReportDefinition = {
  id: 'businesses-by-sector',
  title: {
    fr: 'Entreprises par secteur',
    nl: 'Ondernemingen per sector',
    en: 'Businesses by sector',
  },
  description: {
    fr: 'Entreprises et établissements du répertoire, par section NACE de leur activité principale.',
    nl: 'Ondernemingen en vestigingen in de gids, per NACE-sectie van hun hoofdactiviteit.',
    en: 'Businesses and establishments in the directory, by NACE section of their main activity.',
  },
  dimensions: [
    COMMUNE_DIMENSION,
    {
      name: 'section',
      label: { fr: 'Section NACE', nl: 'NACE-sectie', en: 'NACE section' },
      type: 'STRING',
    },
  ],
  measures: [
    {
      name: 'count',
      label: { fr: 'Entreprises', nl: 'Ondernemingen', en: 'Businesses' },
      type: 'INT',
      aggregate: 'SUM',
    },
  ],
  sources: ['directory.businessCountsBySector'],
  chart: 'STACKED_BARS',
  subgraph: 'directory',
  source: {
    query: `query BusinessesBySector($communes: [ID!]) {
  businessCountsBySector(communes: $communes) { key count }
}`,
    rows: (data, commune) =>
      listOf<SectorCount>(data, 'businessCountsBySector').map((bucket) => ({
        commune,
        section: bucket.key,
        count: bucket.count,
      })),
  },
};
