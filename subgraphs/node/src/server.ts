import 'reflect-metadata';
import type { Server } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DataSource } from 'typeorm';
import {
  IDENTITY_HEADER,
  createLogger,
  identityFromHeader,
  openDatabase,
  startServer,
  useBodyLimit,
  type DatabaseTarget,
  type Logger,
  type NodeCommune,
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
  hubPublicKey?: KeyObject | undefined;
  /** Largest request body accepted (default 1 MB). */
  maxBodyBytes?: number;
  /** JSON lines to stdout at `info` unless given. */
  logger?: Logger;
  /** Cross-cutting behaviour on every route and GraphQL endpoint (limits, metrics, tracing). */
  plugins?: ServerPlugin[];
}

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
  const plugins = [useBodyLimit({ maxBytes: options.maxBodyBytes }), ...(options.plugins ?? [])];
  const { host, port, commune } = options;
  return startServer({ logger, host, port, plugins }, async ({ app, graphql, onClose }) => {
    const db = await openDatabase({
      target: options.database,
      parts: options.subgraphs.map((s) => s.database),
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

    for (const subgraph of options.subgraphs) {
      const schema = buildSubgraphSchema([
        { typeDefs: subgraph.typeDefs, resolvers: subgraph.resolvers },
      ]);
      // A refused identity refuses the whole request (401) before any resolver runs.
      await graphql<RequestContext>(`/${subgraph.name}/graphql`, { schema }, async (req) => ({
        commune,
        db,
        identity: await identityFromHeader(req.header(IDENTITY_HEADER), options.hubPublicKey),
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
