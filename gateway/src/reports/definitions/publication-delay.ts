import type { ReportDefinition } from '../definition';
import { COMMUNE_DIMENSION, listOf } from './commune-dimension';

interface DecisionStatistics {
  communeCode: string;
  decided: number;
  published: number;
  publicationDelayMedianDays: number | null;
  publicationDelayP90Days: number | null;
}

/**
 * How long each commune takes to publish its decisions, from the meeting to their publication:
 * the median and the 90th percentile in days (not additive, so never summed across communes).
 */
export const publicationDelay: ReportDefinition = {
  id: 'publication-delay',
  title: {
    fr: 'Délai de publication des décisions',
    nl: 'Publicatietermijn van beslissingen',
    en: 'Decision publication delay',
  },
  description: {
    fr: 'Décisions prises et publiées par commune, et jours entre la séance et la publication (médiane, 90e centile).',
    nl: 'Genomen en gepubliceerde beslissingen per gemeente, en dagen tussen zitting en publicatie (mediaan, 90e percentiel).',
    en: 'Decisions taken and published per commune, and days from meeting to publication (median, 90th percentile).',
  },
  dimensions: [COMMUNE_DIMENSION],
  measures: [
    {
      name: 'decided',
      label: { fr: 'Décisions', nl: 'Beslissingen', en: 'Decisions' },
      type: 'INT',
      aggregate: 'SUM',
    },
    {
      name: 'published',
      label: { fr: 'Publiées', nl: 'Gepubliceerd', en: 'Published' },
      type: 'INT',
      aggregate: 'SUM',
    },
    {
      name: 'medianDays',
      label: {
        fr: 'Délai médian (jours)',
        nl: 'Mediane termijn (dagen)',
        en: 'Median delay (days)',
      },
      type: 'FLOAT',
      aggregate: 'NONE',
    },
    {
      name: 'p90Days',
      label: {
        fr: 'Délai 90e centile (jours)',
        nl: 'Termijn 90e percentiel (dagen)',
        en: '90th percentile delay (days)',
      },
      type: 'FLOAT',
      aggregate: 'NONE',
    },
  ],
  sources: ['deliberations.decisionStatistics'],
  chart: 'BARS',
  subgraph: 'deliberations',
  source: {
    query: `query PublicationDelay($communes: [ID!]) {
  decisionStatistics(communes: $communes) {
    communeCode decided published publicationDelayMedianDays publicationDelayP90Days
  }
}`,
    rows: (data, commune) =>
      listOf<DecisionStatistics>(data, 'decisionStatistics')
        .filter((row) => row.communeCode === commune)
        .map((statistics) => ({
          commune,
          decided: statistics.decided,
          published: statistics.published,
          medianDays: statistics.publicationDelayMedianDays,
          p90Days: statistics.publicationDelayP90Days,
        })),
  },
};
