import type { KeyObject } from 'node:crypto';
import { countryOf, silentLogger, type NodeCommune, type SubgraphModule } from '@communes/kit';
import { directory } from '@communes/directory';
import { startNode, type NodeOptions, type RunningNode } from '@communes/node';
import { createTestDatabase, type DatabaseKind } from './databases';
import { postGraphQL } from './graphql-client';

export interface TestNode extends RunningNode {
  commune: NodeCommune;
  /** URL of one subgraph's GraphQL endpoint. */
  endpoint(subgraph?: string): string;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): ReturnType<typeof postGraphQL<T>>;
}

/** Starts a commune node on port 0 with its own fresh database, as `npm start` would. */
export async function startTestNode(options: {
  code: string;
  name: string;
  database: DatabaseKind;
  hubPublicKey?: KeyObject;
  /** Where the node reads the hub's key instead (its JWKS), and how soon it refetches it. */
  hubJwksUrl?: string;
  hubJwksCooldownMs?: number;
  /** The subgraphs it serves: the directory alone unless a test needs more. */
  subgraphs?: SubgraphModule[];
  /** Any other node option (limits, plugins, logger, statement timeout). */
  overrides?: Partial<Omit<NodeOptions, 'commune' | 'database' | 'subgraphs'>>;
}): Promise<TestNode> {
  const database = await createTestDatabase(options.database);
  const commune = { code: options.code, name: options.name, country: countryOf(options.code) };
  const node = await startNode({
    commune,
    database: database.target,
    subgraphs: options.subgraphs ?? [directory],
    port: 0,
    hubPublicKey: options.hubPublicKey,
    hubJwksUrl: options.hubJwksUrl,
    ...(options.hubJwksCooldownMs !== undefined
      ? { hubJwksCooldownMs: options.hubJwksCooldownMs }
      : {}),
    logger: silentLogger,
    ...options.overrides,
  });
  const health = await fetch(`${node.url}/health`);
  if (!health.ok) throw new Error(`node ${options.code} is not healthy: ${health.status}`);
  return {
    ...node,
    commune,
    endpoint: (subgraph = 'directory') => `${node.url}/${subgraph}/graphql`,
    query: (query, variables, headers) =>
      postGraphQL(`${node.url}/directory/graphql`, query, variables, headers),
    async close() {
      await node.close();
      await database.drop();
    },
  };
}
