import type { ReportDefinition, ReportRowValues } from '../definition';

interface MatrixAnswer {
  adoptions: {
    edges: {
      node: { componentUrl: string; componentName: string; version: string | null; status: string };
    }[];
  };
}

interface PublishedComponent {
  url: string;
  softwareVersion: string | null;
  releases: { softwareVersion: string | null }[];
}

/**
 * Which commune uses which software at which version, against the latest version its
 * publisher released: a heat map of communes by components, and how far behind each is.
 */
export const adoptionMatrix: ReportDefinition = {
  id: 'adoption-matrix',
  title: {
    fr: "Matrice d'adoption",
    nl: 'Adoptiematrix',
    en: 'Adoption matrix',
  },
  description: {
    fr: 'Logiciels utilisés par chaque commune, leur version, la dernière publiée et le nombre de versions de retard.',
    nl: 'Software die elke gemeente gebruikt, de versie, de laatst gepubliceerde en het aantal versies achterstand.',
    en: 'Software each commune uses, its version, the latest published one, and how many releases behind it is.',
  },
  dimensions: [
    { name: 'commune', label: { fr: 'Commune', nl: 'Gemeente', en: 'Commune' }, type: 'COMMUNE' },
    {
      name: 'component',
      label: { fr: 'Logiciel', nl: 'Software', en: 'Software' },
      type: 'STRING',
    },
    { name: 'version', label: { fr: 'Version', nl: 'Versie', en: 'Version' }, type: 'STRING' },
    {
      name: 'latestVersion',
      label: { fr: 'Dernière version', nl: 'Laatste versie', en: 'Latest version' },
      type: 'STRING',
    },
    { name: 'status', label: { fr: 'Statut', nl: 'Status', en: 'Status' }, type: 'STRING' },
  ],
  measures: [
    {
      name: 'adoptions',
      label: { fr: 'Adoptions', nl: 'Adopties', en: 'Adoptions' },
      type: 'INT',
      aggregate: 'SUM',
    },
    {
      name: 'releasesBehind',
      label: { fr: 'Versions de retard', nl: 'Versies achter', en: 'Releases behind' },
      type: 'INT',
      aggregate: 'MAX',
    },
  ],
  sources: ['components.adoptions', 'components.components'],
  chart: 'HEATMAP',
  subgraph: 'components',
  source: {
    query: `query AdoptionMatrixReport($communes: [ID!]) {
      adoptions(communes: $communes, first: 100) {
        edges { node { componentUrl componentName version status } }
      }
    }`,
    // The network's published software, read once per run for the latest versions.
    networkQuery: {
      query: `query AdoptionMatrixCatalogue($after: String) {
        components(first: 100, after: $after) {
          edges { node { url softwareVersion releases { softwareVersion } } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      connection: 'components',
    },
    rows(data, commune, network): ReportRowValues[] {
      const answer = data as unknown as MatrixAnswer;
      const published = new Map(
        (network?.edges ?? []).map(({ node }) => {
          const component = node as unknown as PublishedComponent;
          return [component.url, component] as const;
        }),
      );
      return answer.adoptions.edges.map(({ node }) => {
        const component = published.get(node.componentUrl);
        const latest = component?.softwareVersion ?? null;
        return {
          commune,
          component: node.componentName,
          version: node.version,
          latestVersion: latest,
          status: node.status,
          adoptions: 1,
          releasesBehind: component ? releasesBehind(component.releases, node.version) : null,
        };
      });
    },
  },
};

/**
 * Versions released after the adopted one (releases are listed newest first); null when the
 * adopted version is not among them.
 */
export function releasesBehind(
  releases: readonly { softwareVersion: string | null }[],
  version: string | null,
): number | null {
  const versions = [...new Set(releases.map((r) => r.softwareVersion).filter((v) => v !== null))];
  const at = version === null ? -1 : versions.indexOf(version);
  return at < 0 ? null : at;
}
