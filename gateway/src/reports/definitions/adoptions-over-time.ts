import type { ReportDefinition, ReportRowValues } from '../definition';

interface AdoptionsAnswer {
  adoptions: { edges: { node: { since: string } }[] };
}

/** When communes took up the network's software: adoptions counted by the month they began. */
export const adoptionsOverTime: ReportDefinition = {
  id: 'adoptions-over-time',
  title: {
    fr: 'Adoptions au fil du temps',
    nl: 'Adopties door de tijd',
    en: 'Adoptions over time',
  },
  description: {
    fr: 'Logiciels adoptés par mois de début (évaluation, production ou retirés depuis), par commune.',
    nl: 'Geadopteerde software per maand van begin (evaluatie, productie of sindsdien stopgezet), per gemeente.',
    en: 'Software adopted, by the month adoption began (evaluating, in production, or since retired), per commune.',
  },
  dimensions: [
    { name: 'commune', label: { fr: 'Commune', nl: 'Gemeente', en: 'Commune' }, type: 'COMMUNE' },
    { name: 'month', label: { fr: 'Mois', nl: 'Maand', en: 'Month' }, type: 'MONTH' },
  ],
  measures: [
    {
      name: 'adoptions',
      label: { fr: 'Adoptions', nl: 'Adopties', en: 'Adoptions' },
      type: 'INT',
      aggregate: 'SUM',
    },
  ],
  periodDimension: 'month',
  sources: ['components.adoptions'],
  chart: 'LINE',
  subgraph: 'components',
  source: {
    // A commune records tens of adoptions; 100 is the page size limit.
    query: `query AdoptionsOverTimeReport($communes: [ID!]) {
      adoptions(communes: $communes, filter: { status: [EVALUATING, IN_PRODUCTION, RETIRED] }, first: 100) {
        edges { node { since } }
      }
    }`,
    rows(data, commune): ReportRowValues[] {
      const counts = new Map<string, number>();
      for (const { node } of (data as unknown as AdoptionsAnswer).adoptions.edges) {
        const month = node.since.slice(0, 7);
        counts.set(month, (counts.get(month) ?? 0) + 1);
      }
      return [...counts].map(([month, adoptions]) => ({ commune, month, adoptions }));
    },
  },
};
