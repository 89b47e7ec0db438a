import 'reflect-metadata';
import type { KeyObject } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  IDENTITY_HEADER,
  formatError,
  identityFromHeader,
  openDatabase,
} from '@communes/kit';
import {
  createRegistry,
  registryDatabasePart,
  type HubContext,
  type Registry,
  type RegistryOptions,
} from '@communes/gateway/src/registry';
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
 * The registry subgraph alone in an Apollo Server on port 0, on a fresh hub database, with
 * callers identified by a hub-signed identity header as in the nodes' tests.
 */
export async function startTestRegistry(options: {
  database: DatabaseKind;
  publicKey: KeyObject;
  registry?: Omit<RegistryOptions, 'db'>;
}): Promise<TestRegistry> {
  const database = await createTestDatabase(options.database);
  const db = await openDatabase({ target: database.target, parts: [registryDatabasePart] });
  const registry = await createRegistry({
    db,
    pollMs: 0,
    healthIntervalMs: 0,
    ...options.registry,
  });
  const apollo = new ApolloServer<HubContext>({
    schema: buildSubgraphSchema([
      { typeDefs: registry.typeDefs, resolvers: registry.resolvers as GraphQLResolverMap<unknown> },
    ]),
    formatError: (formatted, error) => formatError(formatted, error),
    includeStacktraceInErrorResponses: false,
    // No Apollo Studio here: keeps the test output free of its notice.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(apollo, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({
      identity: await identityOrRefuse(req.headers[IDENTITY_HEADER], options.publicKey),
      db,
    }),
  });
  return {
    url,
    db,
    registry,
    query: (query, variables, headers) => postGraphQL(url, query, variables, headers),
    async close() {
      await apollo.stop();
      await registry.stop();
      await db.destroy();
      await database.drop();
    },
  };
}

async function identityOrRefuse(header: string | string[] | undefined, key: KeyObject) {
  try {
    return await identityFromHeader(Array.isArray(header) ? header[0] : header, key);
  } catch (error: unknown) {
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, {
      extensions: { code: error.code, http: { status: 401 } },
    });
  }
}
