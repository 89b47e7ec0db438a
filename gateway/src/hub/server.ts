import 'reflect-metadata';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import {
  DomainError,
  IDENTITY_HEADER,
  formatError,
  openDatabase,
  signIdentity,
  type DatabaseTarget,
  type Identity,
} from '@communes/kit';
import { SCHEMA_DIR, contractSdl } from '@communes/schema';
import { NetworkExecutor, type ExecuteContext } from '../executor/executor';
import { CircuitBreaker } from '../executor/circuit-breaker';
import { NetworkDataSource, type NetworkRequestContext } from '../executor/data-source';
import { networkSubgraphNames, REGISTRY } from '../compose';
import { createRegistry, registryDatabasePart, type HubContext } from '../registry';
import { createClientAuthenticator, type TrustedIssuer } from './client-auth';
import { networkRoutes } from './http-face';

export interface HubOptions {
  database: DatabaseTarget;
  host?: string;
  port?: number;
  /** Signs the identities the hub forwards to nodes; nodes trust its public half. */
  identityKey: KeyObject;
  /** OIDC issuers whose client tokens the hub accepts. */
  issuers?: TrustedIssuer[];
  communeTimeoutMs?: number;
  requestDeadlineMs?: number;
  circuit?: { failureThreshold: number; openMs: number };
  /** How often the registry snapshot is reloaded from the database (other replicas' changes). */
  membershipPollMs?: number;
  healthIntervalMs?: number;
  maxBodyBytes?: number;
  log?: (error: unknown) => void;
}

export interface GatewayContext extends HubContext, NetworkRequestContext {}

export interface RunningHub {
  url: string;
  executor: NetworkExecutor;
  registry: Awaited<ReturnType<typeof createRegistry>>;
  close(): Promise<void>;
}

/** The hub: the registry of communes and one GraphQL API over every commune node. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const log = options.log ?? ((error: unknown) => console.error(error));
  const db = await openDatabase({ target: options.database, parts: [registryDatabasePart] });
  const breaker = new CircuitBreaker(options.circuit ?? { failureThreshold: 5, openMs: 30_000 });
  const registry = await createRegistry({
    db,
    circuitOf: (commune: string) => breaker.stateOf(commune),
    ...(options.membershipPollMs !== undefined ? { pollMs: options.membershipPollMs } : {}),
    ...(options.healthIntervalMs !== undefined
      ? { healthIntervalMs: options.healthIntervalMs }
      : {}),
  });
  const schemas = new Map(
    networkSubgraphNames().map((name) => {
      const sdl = contractSdl(name);
      return [name, { sdl, schema: buildSubgraphSchema([{ typeDefs: parse(sdl) }]) }] as const;
    }),
  );
  const executor = new NetworkExecutor({
    schemas,
    breaker,
    membership: registry.membership,
    ...(options.communeTimeoutMs !== undefined
      ? { communeTimeoutMs: options.communeTimeoutMs }
      : {}),
    ...(options.requestDeadlineMs !== undefined
      ? { requestDeadlineMs: options.requestDeadlineMs }
      : {}),
  });
  const registrySchema = buildSubgraphSchema([
    {
      typeDefs: parse(contractSdl(REGISTRY)),
      resolvers: registry.resolvers as GraphQLResolverMap<unknown>,
    },
  ]);
  const authenticate = createClientAuthenticator(options.issuers ?? []);
  const networkContext = (identity: Identity): ExecuteContext => {
    let token: Promise<string> | undefined;
    return {
      deadline: Date.now() + (options.requestDeadlineMs ?? 10_000),
      trace: { answered: new Set(), failed: new Set() },
      headers: async (): Promise<Record<string, string>> => {
        if (identity.kind === 'anonymous') return {};
        token ??= signIdentity(identity, options.identityKey);
        return { [IDENTITY_HEADER]: await token };
      },
    };
  };
  const identityOf = async (authorization: string | undefined): Promise<Identity> => {
    try {
      return await authenticate(authorization);
    } catch (error: unknown) {
      if (!(error instanceof DomainError)) throw error;
      throw new GraphQLError(error.message, {
        extensions: { code: error.code, http: { status: 401 } },
      });
    }
  };

  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
    buildService: ({ name }) =>
      name === REGISTRY
        ? new LocalGraphQLDataSource(registrySchema)
        : new NetworkDataSource(executor, name),
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: (formatted, error) => formatError(formatted, error, log),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), reportCommunes()],
    includeStacktraceInErrorResponses: false,
  });
  const registryServer = new ApolloServer<HubContext>({
    schema: registrySchema,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: (formatted, error) => formatError(formatted, error, log),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  await registryServer.start();

  app.get('/health', (_req, res) => {
    res.json({
      status: 'ok',
      subgraphs: executor.subgraphNames(),
      communes: registry.membership.size(),
    });
  });
  app.use(
    '/graphql',
    express.json({ limit: maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const identity = await identityOf(req.header('authorization'));
        return { identity, db, network: networkContext(identity) };
      },
    }),
  );
  app.use(
    `/${REGISTRY}/graphql`,
    express.json({ limit: maxBodyBytes }),
    expressMiddleware(registryServer, {
      context: async ({ req }) => ({ identity: await identityOf(req.header('authorization')), db }),
    }),
  );
  app.use(
    networkRoutes(
      executor,
      async (req) => networkContext(await identityOf(req.header('authorization'))),
      maxBodyBytes,
    ),
  );

  httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(httpServer, 'listening');
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    executor,
    registry,
    async close() {
      await apollo.stop();
      await registryServer.stop();
      if (httpServer.listening) httpServer.close();
      await registry.stop();
      await db.destroy();
    },
  };
}

/** Adds `extensions.communes` to each response: which communes answered, which did not. */
function reportCommunes(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const trace = contextValue.network?.trace;
          if (!trace || response.body.kind !== 'single') return;
          if (trace.answered.size === 0 && trace.failed.size === 0) return;
          // A commune that failed any fetch of the request has a part missing: it did not answer.
          const answered = [...trace.answered].filter((c) => !trace.failed.has(c)).sort();
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            communes: { answered, failed: [...trace.failed].sort() },
          };
        },
      };
    },
  };
}
