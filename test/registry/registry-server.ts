import 'reflect-metadata';
import type { KeyObject } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DataSource } from 'typeorm';
import {
  IDENTITY_HEADER,
  createIdentityVerifier,
  openDatabase,
  silentLogger,
  startServer,
  useBodyLimit,
} from '@communes/kit';
import {
  HUB_SCOPE,
  createRegistry,
  registryDatabasePart,
  type RegistryContext,
  type Registry,
  type RegistryOptions,
} from '@communes/hub/src/registry';
import { createTestDatabase, type DatabaseKind } from '../support/databases';
import { postGraphQL } from '../support/graphql-client';

export interface TestRegistry {
  url: string;
  db: DataSource;
  registry: Registry;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): ReturnType<typeof postGraphQL<T>>;
  close(): Promise<void>;
}

/**
 * The registry subgraph alone in the server shell on port 0, on a fresh hub database, with
 * callers identified by a hub-signed identity header as in the nodes' tests.
 */
export async function startTestRegistry(options: {
  database: DatabaseKind;
  publicKey: KeyObject;
  registry?: Omit<RegistryOptions, 'db'>;
}): Promise<TestRegistry> {
  const database = await createTestDatabase(options.database);
  const server = await startServer(
    { logger: silentLogger, plugins: [useBodyLimit()] },
    async ({ graphql, onClose }) => {
      onClose(() => database.drop());
      const db = await openDatabase({ target: database.target, parts: [registryDatabasePart] });
      onClose(() => db.destroy());
      const registry = await createRegistry({
        db,
        pollMs: 0,
        healthIntervalMs: 0,
        logger: silentLogger,
        // Test nodes listen on 127.0.0.1.
        endpoints: { allowPrivate: true },
        ...options.registry,
      });
      onClose(() => registry.stop());
      const schema = buildSubgraphSchema([
        {
          typeDefs: registry.typeDefs,
          resolvers: registry.resolvers as GraphQLResolverMap<unknown>,
        },
      ]);
      // A refused identity refuses the request (401), as at a node; tokens are addressed to `hub`.
      const identityOf = createIdentityVerifier({
        audience: HUB_SCOPE,
        hubKey: { publicKey: options.publicKey },
      });
      await graphql<RegistryContext>('/graphql', { schema }, async (req) => ({
        identity: await identityOf(req.header(IDENTITY_HEADER)),
        db,
      }));
      return { db, registry };
    },
  );
  const url = `${server.url}/graphql`;
  return {
    url,
    db: server.db,
    registry: server.registry,
    query: (query, variables, headers) => postGraphQL(url, query, variables, headers),
    close: server.close,
  };
}
