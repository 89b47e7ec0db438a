import 'reflect-metadata';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { Request } from 'express';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import {
  ANONYMOUS,
  createLogger,
  hubSigningKey,
  jwksOf,
  openDatabase,
  requestSignal,
  startServer,
  useBodyLimit,
  type DatabaseTarget,
  type ExecuteOperation,
  type Identity,
  type Logger,
  type QueryLimitOptions,
  type ServerPlugin,
} from '@communes/kit';
import { SCHEMA_DIR, contractSdl } from '@communes/schema';
import { NetworkExecutor, type ExecuteContext } from '../executor/executor';
import { CircuitBreaker } from '../executor/circuit-breaker';
import { NetworkDataSource, type NetworkRequestContext } from '../executor/data-source';
import { networkSubgraphNames, REGISTRY, REPORTS } from '../compose';
import { createRegistry, registryDatabasePart, type RegistryContext } from '../registry';
import {
  createReports,
  reportsDatabasePart,
  type HubReports,
  type ReportsSettings,
} from '../reports';
import { reportExportRoutes } from '../reports/export-routes';
import { guardedAgent } from '../registry/guarded-agent';
import { createClientAuthenticator, type TrustedIssuer } from './client-auth';
import { forwardedIdentity } from './forwarded-identity';
import { networkRoutes } from './http-face';
import { networkScdlRoutes } from './network-scdl';
import { hubProtections, type HubRateLimit, type MountedHub } from './protection';
import { webPages, type PageNotice } from './web-pages';

export interface HubOptions {
  database: DatabaseTarget;
  host?: string;
  port?: number;
  /**
   * ES256 key that signs the identities the hub forwards to nodes; nodes trust its public half,
   * pinned or read from `/.well-known/jwks.json`.
   */
  identityKey: KeyObject;
  /** OIDC issuers whose client tokens the hub accepts. */
  issuers?: TrustedIssuer[];
  communeTimeoutMs?: number;
  requestDeadlineMs?: number;
  circuit?: { failureThreshold: number; openMs: number };
  /** How often the registry snapshot is reloaded from the database (other replicas' changes). */
  membershipPollMs?: number;
  healthIntervalMs?: number;
  /** Largest request body accepted (default 1 MB). */
  maxBodyBytes?: number;
  /** Largest answer read from one commune for one fetch (default 4 MB); a larger one is cut off. */
  maxCommuneAnswerBytes?: number;
  /** Lets endpoints be on loopback and private addresses: tests, or every node on one LAN. */
  allowPrivateEndpoints?: boolean;
  /** Depth, aliases, tokens, directives and cost limits (`DEFAULT_QUERY_LIMITS` unless given). */
  limits?: QueryLimitOptions;
  /** Requests per client per window (`DEFAULT_RATE_LIMIT` unless given). */
  rateLimit?: HubRateLimit;
  /** JSON lines to stdout at `info` unless given. */
  logger?: Logger;
  /** Cross-cutting behaviour on every route and GraphQL endpoint (limits, metrics, tracing). */
  plugins?: ServerPlugin[];
  /** Schedule, retention, job expiry and concurrency of report runs. */
  reports?: ReportsSettings;
  /** Lines shown on the network page (`/`): maintenance notes, the demo's instructions. */
  notices?: PageNotice[];
}

export interface HubRequestContext extends RegistryContext, NetworkRequestContext {}

export interface RunningHub {
  url: string;
  executor: NetworkExecutor;
  registry: Awaited<ReturnType<typeof createRegistry>>;
  /** The association's reports: read, trend, and a run waited for (`runNow`). */
  reports: HubReports;
  close(): Promise<void>;
}

/** The hub: the registry of communes and one GraphQL API over every commune node. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const logger = options.logger ?? createLogger({ name: 'hub' });
  const schemas = new Map(
    networkSubgraphNames().map((name) => {
      const sdl = contractSdl(name);
      return [name, { sdl, schema: buildSubgraphSchema([{ typeDefs: parse(sdl) }]) }] as const;
    }),
  );
  let mounted: MountedHub | undefined;
  const protections = hubProtections({
    schemas,
    database: options.database.kind,
    limits: options.limits,
    rateLimit: options.rateLimit,
    mounted: () => mounted,
  });
  const plugins = [
    ...protections.first,
    useBodyLimit({ maxBytes: options.maxBodyBytes }),
    ...protections.then,
    ...(options.plugins ?? []),
  ];
  const { host, port } = options;
  return startServer({ logger, host, port, plugins }, async (mount) => {
    const { app, graphql, onClose } = mount;
    const db = await openDatabase({
      target: options.database,
      parts: [registryDatabasePart, reportsDatabasePart],
    });
    onClose(() => db.destroy());
    const breaker = new CircuitBreaker(options.circuit ?? { failureThreshold: 5, openMs: 30_000 });
    // Every call to a commune goes through this pool, which refuses the addresses the policy does.
    const endpoints = { allowPrivate: options.allowPrivateEndpoints ?? false };
    const outbound = guardedAgent(endpoints);
    onClose(() => outbound.close());
    const registry = await createRegistry({
      db,
      endpoints,
      dispatcher: outbound,
      logger: logger.child({ part: 'registry' }),
      circuitOf: (commune: string) => breaker.stateOf(commune),
      ...(options.membershipPollMs !== undefined ? { pollMs: options.membershipPollMs } : {}),
      ...(options.healthIntervalMs !== undefined
        ? { healthIntervalMs: options.healthIntervalMs }
        : {}),
    });
    onClose(() => registry.stop());
    const executor = new NetworkExecutor({
      schemas,
      breaker,
      membership: registry.membership,
      dispatcher: outbound,
      ...(options.maxCommuneAnswerBytes !== undefined
        ? { maxAnswerBytes: options.maxCommuneAnswerBytes }
        : {}),
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
    // A refused token throws here, and the shell answers 401 on every route.
    const authenticate = createClientAuthenticator(
      options.issuers ?? [],
      logger.child({ part: 'client-auth' }),
    );
    // Once per request: the rate limit reads the caller before the GraphQL context does.
    const identities = new WeakMap<Request, Promise<Identity>>();
    const identityOf = (req: Request): Promise<Identity> => {
      let identity = identities.get(req);
      if (!identity) identities.set(req, (identity = authenticate(req.header('authorization'))));
      return identity;
    };
    mounted = { db, membership: registry.membership, identityOf };
    const signingKey = hubSigningKey(options.identityKey);
    const networkContext = (identity: Identity, req: Request): ExecuteContext => ({
      signal: requestSignal(req),
      deadline: Date.now() + (options.requestDeadlineMs ?? 10_000),
      trace: { answered: new Set(), failed: new Set() },
      headers: forwardedIdentity(identity, signingKey),
    });

    // Nodes read the hub's public key here, so a new key needs no restart of any node.
    const jwks = jwksOf([signingKey]);
    app.get('/.well-known/jwks.json', (_req, res) => {
      res.set('cache-control', 'public, max-age=300').json(jwks);
    });

    app.get('/health', (_req, res) => {
      res.json({
        status: 'ok',
        subgraphs: executor.subgraphNames(),
        communes: registry.membership.size(),
      });
    });
    // Report runs read through the hub's own API, anonymously: reports are public data only.
    const hubApi: { execute?: ExecuteOperation<HubRequestContext> } = {};
    const reports = createReports({
      db,
      logger: logger.child({ part: 'reports' }),
      ...options.reports,
      membersOf: (subgraph) =>
        subgraph === REGISTRY
          ? [
              ...new Set(
                executor
                  .subgraphNames()
                  .flatMap((name) => registry.membership.serving(name).map((c) => c.code)),
              ),
            ].sort()
          : registry.membership.serving(subgraph).map((c) => c.code),
      read: async (query, variables, signal) => {
        const trace = { answered: new Set<string>(), failed: new Set<string>() };
        const answer = await hubApi.execute!(
          { query, variables },
          {
            identity: ANONYMOUS,
            db,
            network: {
              signal,
              deadline: Date.now() + (options.requestDeadlineMs ?? 10_000),
              trace,
              headers: forwardedIdentity(ANONYMOUS, signingKey),
            },
          },
        );
        return {
          data: answer.data ?? null,
          errors: answer.errors ?? [],
          failed: [...trace.failed],
        };
      },
    });
    const reportsSchema = buildSubgraphSchema([
      {
        typeDefs: parse(contractSdl(REPORTS)),
        resolvers: reports.resolvers as GraphQLResolverMap<unknown>,
      },
    ]);
    const gateway = new ApolloGateway({
      supergraphSdl: readFileSync(join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
      buildService: ({ name }) =>
        name === REGISTRY
          ? new LocalGraphQLDataSource(registrySchema)
          : name === REPORTS
            ? new LocalGraphQLDataSource(reportsSchema)
            : new NetworkDataSource(executor, name),
    });
    hubApi.execute = await graphql<HubRequestContext>(
      '/graphql',
      { gateway, plugins: [reportCommunes()] },
      async (req) => {
        const identity = await identityOf(req);
        return { identity, db, network: networkContext(identity, req) };
      },
    );
    await graphql<RegistryContext>(
      `/${REGISTRY}/graphql`,
      { schema: registrySchema },
      async (req) => ({
        identity: await identityOf(req),
        db,
      }),
    );
    app.use(
      networkRoutes(
        executor,
        async (req) => networkContext(await identityOf(req), req),
        (subgraph, request) => protections.limiter.refusal(schemas.get(subgraph)!.schema, request),
      ),
    );
    // The network's SCDL « Délibérations » file: every French-standard commune's, concatenated.
    app.use(
      networkScdlRoutes({
        membership: registry.membership,
        dispatcher: outbound,
        logger: logger.child({ part: 'network-scdl' }),
      }),
    );
    // The network overview at `/` and the reports at `/reports` (web/, built into web/dist).
    app.use(webPages(undefined, options.notices));
    app.use(
      reportExportRoutes((id, input) => reports.read(id, input), {
        reports: reports.definitions,
        logger: logger.child({ part: 'report-export' }),
      }),
    );
    // A run in progress stops before the API it reads through does; its job is retried.
    mount.onClosing(() => reports.stop());
    await reports.start();
    return {
      executor,
      registry,
      reports: {
        definitions: reports.definitions,
        read: reports.read,
        trend: reports.trend,
        runNow: reports.runNow,
      },
    };
  });
}

/** Adds `extensions.communes` to each response: which communes answered, which did not. */
function reportCommunes(): ApolloServerPlugin<HubRequestContext> {
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
