import type { ReportDefinition, ReportRowValues } from '../definition';

interface HealthAnswer {
  commune: { health: { subgraph: string; status: string; latencyMs: number | null }[] } | null;
}

/**
 * Whether each member's subgraph endpoints answered the hub's last health check, and how fast:
 * read from the registry, so every member counts, whatever it serves.
 */
export const networkHealth: ReportDefinition = {
  id: 'network-health',
  title: {
    fr: 'Santé du réseau',
    nl: 'Gezondheid van het netwerk',
    en: 'Network health',
  },
  description: {
    fr: 'Par commune et sous-graphe : disponible (1) ou non (0) au dernier contrôle du hub, et le temps de réponse.',
    nl: 'Per gemeente en subgraaf: bereikbaar (1) of niet (0) bij de laatste controle van de hub, en de antwoordtijd.',
    en: "Per commune and subgraph: up (1) or not (0) at the hub's last check, and the latency.",
  },
  dimensions: [
    { name: 'commune', label: { fr: 'Commune', nl: 'Gemeente', en: 'Commune' }, type: 'COMMUNE' },
    {
      name: 'subgraph',
      label: { fr: 'Sous-graphe', nl: 'Subgraaf', en: 'Subgraph' },
      type: 'STRING',
    },
  ],
  measures: [
    {
      name: 'up',
      label: { fr: 'Disponible', nl: 'Bereikbaar', en: 'Up' },
      type: 'INT',
      aggregate: 'SUM',
    },
    {
      name: 'latencyMs',
      label: { fr: 'Latence (ms)', nl: 'Latentie (ms)', en: 'Latency (ms)' },
      type: 'INT',
      aggregate: 'MAX',
    },
  ],
  sources: ['registry.commune'],
  chart: 'BARS',
  subgraph: 'registry',
  source: {
    query: `query NetworkHealthReport($commune: ID!) {
      commune(code: $commune) { health { subgraph status latencyMs } }
    }`,
    rows(data, commune): ReportRowValues[] {
      const { commune: found } = data as unknown as HealthAnswer;
      return (found?.health ?? []).map((h) => ({
        commune,
        subgraph: h.subgraph,
        up: h.status === 'UP' ? 1 : 0,
        latencyMs: h.latencyMs,
      }));
    },
  },
};
