import type { ReportDefinition } from '../definition';
import { COMMUNE_DIMENSION, listOf } from './commune-dimension';

interface DecisionStatistics {
  communeCode: string;
  voted: number;
  unanimous: number;
  withAbstentions: number;
  abstentions: number;
}

/**
 * How the communes' votes went: decisions put to a vote, those carried unanimously (and the
 * share, a ratio that grouping cannot add up), those with abstentions, and the abstentions.
 */
export const votes: ReportDefinition = {
  id: 'votes',
  title: { fr: 'Votes', nl: 'Stemmingen', en: 'Votes' },
  description: {
    fr: 'Décisions votées par commune, votées à l’unanimité, avec abstentions, et nombre d’abstentions.',
    nl: 'Beslissingen waarover gestemd werd per gemeente, eenparig, met onthoudingen, en aantal onthoudingen.',
    en: 'Decisions put to a vote per commune, carried unanimously, with abstentions, and abstentions cast.',
  },
  dimensions: [COMMUNE_DIMENSION],
  measures: [
    {
      name: 'voted',
      label: { fr: 'Votes', nl: 'Stemmingen', en: 'Votes' },
      type: 'INT',
      aggregate: 'SUM',
    },
    {
      name: 'unanimous',
      label: { fr: 'À l’unanimité', nl: 'Eenparig', en: 'Unanimous' },
      type: 'INT',
      aggregate: 'SUM',
    },
    {
      name: 'unanimityRate',
      label: { fr: 'Taux d’unanimité', nl: 'Aandeel eenparig', en: 'Unanimity rate' },
      type: 'FLOAT',
      aggregate: 'NONE',
    },
    {
      name: 'withAbstentions',
      label: { fr: 'Avec abstentions', nl: 'Met onthoudingen', en: 'With abstentions' },
      type: 'INT',
      aggregate: 'SUM',
    },
    {
      name: 'abstentions',
      label: { fr: 'Abstentions', nl: 'Onthoudingen', en: 'Abstentions' },
      type: 'INT',
      aggregate: 'SUM',
    },
  ],
  sources: ['deliberations.decisionStatistics'],
  chart: 'BARS',
  subgraph: 'deliberations',
  source: {
    query: `query Votes($communes: [ID!]) {
  decisionStatistics(communes: $communes) { communeCode voted unanimous withAbstentions abstentions }
}`,
    rows: (data, commune) =>
      listOf<DecisionStatistics>(data, 'decisionStatistics')
        .filter((row) => row.communeCode === commune)
        .map((statistics) => ({
          commune,
          voted: statistics.voted,
          unanimous: statistics.unanimous,
          // Null with no vote: a rate of nothing is not zero.
          unanimityRate: statistics.voted > 0 ? statistics.unanimous / statistics.voted : null,
          withAbstentions: statistics.withAbstentions,
          abstentions: statistics.abstentions,
        })),
  },
};
