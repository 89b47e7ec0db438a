import type { ReportDefinition } from '../definition';
import { COMMUNE_DIMENSION, MONTH_DIMENSION, listOf } from './commune-dimension';

interface DecisionCount {
  topic: string;
  month: string;
  body: string;
  state: string;
  count: number;
}

/**
 * The communes' public decisions by ACTES topic, month, deciding body and outcome: what the
 * councils and colleges decide about, and when. Topics are the network's shared codes (`7.1`).
 */
export const decisionsByTopic: ReportDefinition = {
  id: 'decisions-by-topic',
  title: {
    fr: 'Décisions par matière',
    nl: 'Beslissingen per onderwerp',
    en: 'Decisions by topic',
  },
  description: {
    fr: 'Décisions publiques des conseils et collèges, par matière ACTES, mois, organe et issue.',
    nl: 'Openbare beslissingen van gemeenteraden en colleges, per ACTES-onderwerp, maand, orgaan en uitkomst.',
    en: 'Public decisions of councils and colleges, by ACTES topic, month, body and outcome.',
  },
  dimensions: [
    COMMUNE_DIMENSION,
    { name: 'topic', label: { fr: 'Matière', nl: 'Onderwerp', en: 'Topic' }, type: 'STRING' },
    MONTH_DIMENSION,
    { name: 'body', label: { fr: 'Organe', nl: 'Orgaan', en: 'Body' }, type: 'STRING' },
    { name: 'state', label: { fr: 'Issue', nl: 'Uitkomst', en: 'Outcome' }, type: 'STRING' },
  ],
  measures: [
    {
      name: 'count',
      label: { fr: 'Décisions', nl: 'Beslissingen', en: 'Decisions' },
      type: 'INT',
      aggregate: 'SUM',
    },
  ],
  periodDimension: 'month',
  sources: ['deliberations.decisionCounts'],
  chart: 'STACKED_BARS',
  subgraph: 'deliberations',
  source: {
    query: `query DecisionsByTopic($communes: [ID!]) {
  decisionCounts(communes: $communes) { topic month body state count }
}`,
    rows: (data, commune) =>
      listOf<DecisionCount>(data, 'decisionCounts').map((bucket) => ({
        commune,
        topic: bucket.topic,
        month: bucket.month,
        body: bucket.body,
        state: bucket.state,
        count: bucket.count,
      })),
  },
};
