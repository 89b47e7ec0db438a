import 'reflect-metadata';
import type { Server } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DataSource } from 'typeorm';
import {
  IDENTITY_HEADER,
  createIdentityVerifier,
  createLogger,
  openDatabase,
  requestSignal,
  startServer,
  useBodyLimit,
  useCancellation,
  useQueryLimits,
  type DatabaseTarget,
  type HubKeySource,
  type Logger,
  type NodeCommune,
  type QueryLimitOptions,
  type RequestContext,
  type ServerPlugin,
  type SubgraphModule,
} from '@communes/kit';

export interface NodeOptions {
  commune: NodeCommune;
  database: DatabaseTarget;
  subgraphs: SubgraphModule[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The hub's public key, pinned; or `hubJwksUrl`, where the hub publishes it. */
  hubPublicKey?: KeyObject | undefined;
  /** The hub's `/.well-known/jwks.json`: a new hub key is taken without restarting the node. */
  hubJwksUrl?: string | undefined;
  /** Least time between two fetches of the hub's JWKS on meeting an unknown key (5 s). */
  hubJwksCooldownMs?: number;
  /** Largest request body accepted (default 1 MB). */
  maxBodyBytes?: number;
  /** Depth, aliases, tokens, directives and cost limits (`DEFAULT_QUERY_LIMITS` unless given). */
  limits?: QueryLimitOptions;
  /** Longest one SQL statement may run (default 5 s, the hub's wait for a commune). */
  statementTimeoutMs?: number;
  /** JSON lines to stdout at `info` unless given. */
  logger?: Logger;
  /** Cross-cutting behaviour on every route and GraphQL endpoint (limits, metrics, tracing). */
  plugins?: ServerPlugin[];
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;

export interface RunningNode {
  url: string;
  db: DataSource;
  server: Server;
  close(): Promise<void>;
}

/**
 * One process serving a commune's subgraphs at `/<subgraph>/graphql`, each on the commune's
 * database, with `/health` for the hub and for orchestrators.
 */
export async function startNode(options: NodeOptions): Promise<RunningNode> {
  const logger = options.logger ?? createLogger({ name: 'node' });
  const plugins = [
    useBodyLimit({ maxBytes: options.maxBodyBytes }),
    useCancellation(),
    useQueryLimits(options.limits),
    ...(options.plugins ?? []),
  ];
  const { host, port, commune } = options;
  return startServer({ logger, host, port, plugins }, async ({ app, graphql, onClose }) => {
    const db = await openDatabase({
      target: options.database,
      parts: options.subgraphs.map((s) => s.database),
      statementTimeoutMs: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    });
    onClose(() => db.destroy());

    app.get('/health', async (_req, res) => {
      try {
        await db.query('SELECT 1');
        res.json({ status: 'ok', commune, subgraphs: options.subgraphs.map((s) => s.name) });
      } catch (error: unknown) {
        logger.error({ err: error }, 'health check: database unreachable');
        res.status(503).json({ status: 'down', commune, reason: 'database unreachable' });
      }
    });

    // One verifier for the process: a token taken by one subgraph is spent for all.
    const identityOf = createIdentityVerifier({
      audience: commune.code,
      hubKey: hubKeyOf(options),
    });
    for (const subgraph of options.subgraphs) {
      const schema = buildSubgraphSchema([
        { typeDefs: subgraph.typeDefs, resolvers: subgraph.resolvers },
      ]);
      // A refused identity refuses the whole request (401) before any resolver runs.
      await graphql<RequestContext>(`/${subgraph.name}/graphql`, { schema }, async (req) => ({
        commune,
        db,
        identity: await identityOf(req.header(IDENTITY_HEADER)),
        signal: requestSignal(req),
      }));
      if (subgraph.routes)
        app.use(
          `/${subgraph.name}`,
          subgraph.routes({ db, commune, logger: logger.child({ subgraph: subgraph.name }) }),
        );
    }
    return { db };
  });
}

function hubKeyOf(options: NodeOptions): HubKeySource | undefined {
  if (options.hubPublicKey && options.hubJwksUrl) {
    throw new Error('give the node the hub key pinned or its JWKS URL, not both');
  }
  if (options.hubPublicKey) return { publicKey: options.hubPublicKey };
  if (!options.hubJwksUrl) return undefined;
  return {
    jwksUrl: options.hubJwksUrl,
    ...(options.hubJwksCooldownMs !== undefined ? { cooldownMs: options.hubJwksCooldownMs } : {}),
  };
}
