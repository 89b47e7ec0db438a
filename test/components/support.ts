import { stringify } from 'yaml';
import { directory } from '@communes/directory';
import { components } from '@communes/components';
import type { DatabaseKind } from '../support/databases';
import { postGraphQL } from '../support/graphql-client';
import { useSubgraphCalls, type Row, type SubgraphCalls } from '../support/subgraph-suite';
import { startTestNode, type TestNode } from '../support/test-node';

export { problemsOf } from '../support/subgraph-suite';

/** Every table of the subgraph: a refused write must leave all of them as they were. */
export const TABLES = ['component', 'component_release', 'adoption'];

export const PUBLISH = `mutation($commune: ID!, $yml: String!) {
  publishComponent(commune: $commune, publiccodeYml: $yml) {
    communeCode id name url softwareVersion releaseDate developmentStatus softwareType
    platforms categories license licenseIds languages scope publiccodeYmlVersion publiccodeYml
    descriptions { language shortDescription features }
    maintenance { type contacts { name email } contractors { name until } }
    dependsOn { kind name versionMin optional }
    releases { softwareVersion publiccodeYmlVersion publishedBy }
  } }`;

/** A valid publiccode.yml as data: tests change a key, then publish `yamlOf(...)`. */
export function validPubliccode(): Row {
  return {
    publiccodeYmlVersion: '0.4',
    name: 'Registre des arrêtés',
    url: 'https://gitlab.com/ville-de-namur/registre-arretes.git',
    landingURL: 'https://www.namur.be/registre-arretes',
    softwareVersion: '1.10',
    releaseDate: '2026-05-04',
    platforms: ['web'],
    categories: ['document-management', 'digital-citizenship'],
    developmentStatus: 'stable',
    softwareType: 'standalone/web',
    intendedAudience: { countries: ['be', 'fr'], scope: ['local-authorities'] },
    description: {
      fr: {
        shortDescription: 'Publie les arrêtés du bourgmestre et du collège communal.',
        longDescription:
          'Le registre des arrêtés rassemble les arrêtés de police du bourgmestre et les ' +
          'arrêtés du collège communal, les rend consultables par les habitants et garde ' +
          'la trace de leur publication, comme le demande le Code de la démocratie locale.',
        features: ['Publication des arrêtés', 'Recherche plein texte', 'Flux RSS'],
      },
      en: {
        shortDescription: "Publishes the mayor's and the board's orders.",
        features: ['Publishing orders'],
      },
    },
    legal: { license: 'EUPL-1.2', mainCopyrightOwner: 'Ville de Namur' },
    maintenance: {
      type: 'internal',
      contacts: [
        { name: 'Marc Lemaire', email: 'marc.lemaire@namur.be', phone: '+32 81 24 60 00' },
      ],
    },
    localisation: { localisationReady: true, availableLanguages: ['fr', 'nl-BE'] },
    dependsOn: { open: [{ name: 'PostgreSQL', versionMin: '13' }] },
  };
}

export function yamlOf(data: unknown): string {
  return stringify(data, { lineWidth: 0 });
}

export interface ComponentsSuite extends SubgraphCalls {
  node: TestNode;
}

/** A commune node serving the components subgraph on a fresh database, for a describe block. */
export function useComponentsNode(
  database: DatabaseKind,
  commune: { code: string; name: string },
): ComponentsSuite {
  const suite = {} as ComponentsSuite;
  const keys = useSubgraphCalls(suite, {
    commune: commune.code,
    tables: TABLES,
    db: () => suite.node.db,
    post: (query, variables, headers) =>
      postGraphQL<any>(suite.node.endpoint('components'), query, variables, headers),
  });
  beforeAll(async () => {
    suite.node = await startTestNode({
      ...commune,
      database,
      hubPublicKey: keys().publicKey,
      subgraphs: [directory, components],
    });
  });
  afterAll(() => suite.node?.close());
  return suite;
}
