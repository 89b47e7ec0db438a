import type { KeyObject } from 'node:crypto';
import { countryOf, type NodeCommune } from '@communes/kit';
import { directory } from '@communes/directory';
import { deliberations } from '@communes/deliberations';
import { startNode, type RunningNode } from '@communes/node';
import { createTestDatabase, type DatabaseKind } from '../support/databases';
import { postGraphQL } from '../support/graphql-client';

export interface DeliberationsNode extends RunningNode {
  commune: NodeCommune;
  endpoint: string;
  /** One operation on the node's deliberations subgraph, over HTTP. */
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): ReturnType<typeof postGraphQL<T>>;
}

/**
 * A commune node serving the directory and the deliberations on its own fresh database, as
 * test/support/test-node.ts starts one, until the node's subgraph list includes deliberations.
 */
export async function startDeliberationsNode(options: {
  code: string;
  name: string;
  database: DatabaseKind;
  hubPublicKey?: KeyObject;
}): Promise<DeliberationsNode> {
  const database = await createTestDatabase(options.database);
  const commune = { code: options.code, name: options.name, country: countryOf(options.code) };
  const node = await startNode({
    commune,
    database: database.target,
    subgraphs: [directory, deliberations],
    port: 0,
    hubPublicKey: options.hubPublicKey,
    log: () => {},
  });
  const health = await fetch(`${node.url}/health`);
  if (!health.ok) throw new Error(`node ${options.code} is not healthy: ${health.status}`);
  const endpoint = `${node.url}/deliberations/graphql`;
  return {
    ...node,
    commune,
    endpoint,
    query: (query, variables, headers) => postGraphQL(endpoint, query, variables, headers),
    async close() {
      await node.close();
      await database.drop();
    },
  };
}
