import type { ReportDefinition } from '../definition';
import { COMMUNE_DIMENSION, MONTH_DIMENSION, listOf } from './commune-dimension';

interface BusinessMonthChange {
  communeCode: string;
  month: string;
  opened: number;
  closed: number;
}

/** Businesses that started and that closed, per commune and month, by their start and end dates. */
export const businessChanges: ReportDefinition = {
  id: 'business-changes',
  title: {
    fr: 'Créations et cessations d’entreprises',
    nl: 'Oprichtingen en stopzettingen van ondernemingen',
    en: 'Business openings and closures',
  },
  description: {
    fr: 'Entreprises ayant débuté et cessé leur activité, par commune et par mois.',
    nl: 'Ondernemingen die hun activiteit begonnen en stopzetten, per gemeente en per maand.',
    en: 'Businesses that started and that closed, per commune and month.',
  },
  dimensions: [COMMUNE_DIMENSION, MONTH_DIMENSION],
  measures: [
    {
      name: 'opened',
      label: { fr: 'Créations', nl: 'Oprichtingen', en: 'Openings' },
      type: 'INT',
      aggregate: 'SUM',
    },
    {
      name: 'closed',
      label: { fr: 'Cessations', nl: 'Stopzettingen', en: 'Closures' },
      type: 'INT',
      aggregate: 'SUM',
    },
  ],
  periodDimension: 'month',
  sources: ['directory.businessChangesByMonth'],
  chart: 'LINE',
  subgraph: 'directory',
  source: {
    query: `query BusinessChanges($communes: [ID!]) {
  businessChangesByMonth(communes: $communes) { communeCode month opened closed }
}`,
    rows: (data, commune) =>
      listOf<BusinessMonthChange>(data, 'businessChangesByMonth')
        .filter((row) => row.communeCode === commune)
        .map((change) => ({
          commune,
          month: change.month,
          opened: change.opened,
          closed: change.closed,
        })),
  },
};
