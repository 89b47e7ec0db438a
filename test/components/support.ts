import { stringify } from 'yaml';
import { directory } from '@communes/directory';
import { components } from '@communes/components';
import { createTestHubKeys, type TestHubKeys } from '../support/identities';
import type { DatabaseKind } from '../support/databases';
import { dataOf, postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { snapshot } from '../support/snapshot';
import { startTestNode, type TestNode } from '../support/test-node';

type Row = Record<string, any>;
type Headers = Record<string, string>;

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

/** The problems of a refused request: its code, and each field with its reason. */
export function problemsOf(response: GraphQLResponse<unknown>) {
  const extensions = response.errors?.[0]?.extensions ?? {};
  const problems = (extensions['problems'] ?? []) as {
    field: string;
    reason: string;
    line?: number;
  }[];
  return { code: extensions['code'], problems, fields: problems.map((p) => p.field) };
}

export interface ComponentsSuite {
  node: TestNode;
  /** Hub-signed headers of a user holding `role` in `commune` (default: the suite's). */
  as(role: 'editor' | 'admin' | 'secretary', commune?: string): Promise<Headers>;
  /** One operation on the node's components subgraph; mutations get `commune` filled in. */
  send(query: string, variables?: Row, headers?: Headers): Promise<GraphQLResponse<any>>;
  read(query: string, variables?: Row, headers?: Headers): Promise<any>;
  /** Runs a write that must be refused, and checks that no table changed. */
  unchanged(write: () => Promise<GraphQLResponse<any>>): Promise<GraphQLResponse<any>>;
}

/** A commune node serving the components subgraph on a fresh database, for a describe block. */
export function useComponentsNode(
  database: DatabaseKind,
  commune: { code: string; name: string },
): ComponentsSuite {
  let keys: TestHubKeys;
  const suite = {
    as: (role: 'editor' | 'admin' | 'secretary', code: string = commune.code) =>
      keys.headersFor({ [code]: [role] }, `${role}@${code.toLowerCase()}.example`),
    send: (query: string, variables: Row = {}, headers: Headers = {}) =>
      postGraphQL<any>(
        suite.node.endpoint('components'),
        query,
        { commune: commune.code, ...variables },
        headers,
      ),
    read: async (query: string, variables: Row = {}, headers: Headers = {}) =>
      dataOf(await postGraphQL<any>(suite.node.endpoint('components'), query, variables, headers)),
    unchanged: async (write: () => Promise<GraphQLResponse<any>>) => {
      const before = await snapshot(suite.node.db, TABLES);
      const response = await write();
      expect(await snapshot(suite.node.db, TABLES)).toBe(before);
      return response;
    },
  } as ComponentsSuite;
  beforeAll(async () => {
    keys = await createTestHubKeys();
    suite.node = await startTestNode({
      ...commune,
      database,
      hubPublicKey: keys.publicKey,
      subgraphs: [directory, components],
    });
  });
  afterAll(() => suite.node?.close());
  return suite;
}
