import 'reflect-metadata';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { KeyObject } from 'node:crypto';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  IDENTITY_HEADER,
  formatError,
  identityFromHeader,
  openDatabase,
  type DatabaseTarget,
  type NodeCommune,
  type RequestContext,
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
  /** Largest request body accepted. */
  maxBodyBytes?: number;
  log?: (error: unknown) => void;
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
  const db = await openDatabase({
    target: options.database,
    parts: options.subgraphs.map((s) => s.database),
  });
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const log = options.log ?? ((error: unknown) => console.error(error));
  const apollos: ApolloServer<RequestContext>[] = [];

  app.get('/health', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({
        status: 'ok',
        commune: options.commune,
        subgraphs: options.subgraphs.map((s) => s.name),
      });
    } catch (error: unknown) {
      log(error);
      res
        .status(503)
        .json({ status: 'down', commune: options.commune, reason: 'database unreachable' });
    }
  });

  for (const subgraph of options.subgraphs) {
    const apollo = new ApolloServer<RequestContext>({
      schema: buildSubgraphSchema([{ typeDefs: subgraph.typeDefs, resolvers: subgraph.resolvers }]),
      formatError: (formatted, error) => formatError(formatted, error, log),
      // Inline traces are for Apollo's hosted reporting, which the network does not use.
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        ApolloServerPluginInlineTraceDisabled(),
      ],
      includeStacktraceInErrorResponses: false,
    });
    await apollo.start();
    apollos.push(apollo);
    app.use(
      `/${subgraph.name}/graphql`,
      express.json({ limit: options.maxBodyBytes ?? 1_000_000 }),
      expressMiddleware(apollo, {
        context: async ({ req }) => ({
          commune: options.commune,
          db,
          identity: await identityOrRefuse(req.header(IDENTITY_HEADER), options.hubPublicKey),
        }),
      }),
    );
    if (subgraph.routes)
      app.use(`/${subgraph.name}`, subgraph.routes({ db, commune: options.commune }));
  }

  httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(httpServer, 'listening');
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    db,
    server: httpServer,
    async close() {
      for (const apollo of apollos) await apollo.stop();
      if (httpServer.listening) httpServer.close();
      await db.destroy();
    },
  };
}

/** A refused identity ends the request with 401 before any resolver runs. */
async function identityOrRefuse(header: string | undefined, key: KeyObject | undefined) {
  try {
    return await identityFromHeader(header, key);
  } catch (error: unknown) {
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, {
      extensions: { code: error.code, http: { status: 401 } },
    });
  }
}
