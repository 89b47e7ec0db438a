import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type Request } from 'express';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { expressMiddleware } from '@as-integrations/express5';
import { drainable } from './drain';
import { contextErrorOf, createGraphQLServer, type GraphQLServerConfig } from './graphql-server';
import type { Logger } from './logger';
import type { ServerPlugin } from './plugin';
import { useErrorMapping } from './plugins/error-mapping';
import { useNulCharacterRefusal } from './plugins/nul-characters';

export interface ServerOptions {
  logger: Logger;
  /** Default 127.0.0.1; 0.0.0.0 listens everywhere. */
  host?: string;
  /** 0 picks a free port (the default). */
  port?: number;
  /** Attached to every route and every GraphQL server, after the error mapping. */
  plugins?: readonly ServerPlugin[];
  /** How long requests in flight get to finish on close (default 10 s). */
  drainMs?: number;
}

/** What one operation executed in process answers: the body a client would have received. */
export interface ExecutedOperation {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/**
 * Executes an operation on a mounted GraphQL endpoint in process, with a context the caller
 * builds (no HTTP request, no authentication): how the hub's report runs read its own API.
 */
export type ExecuteOperation<C extends BaseContext> = (
  request: { query: string; variables?: Record<string, unknown> },
  context: C,
) => Promise<ExecutedOperation>;

/** What a hub or a node mounts its routes with. */
export interface Mount {
  readonly app: Express;
  readonly logger: Logger;
  /**
   * Serves a GraphQL endpoint at `path`; a context that throws refuses the whole request.
   * Returns a way to execute operations on the same server in process.
   */
  graphql<C extends BaseContext>(
    path: string,
    config: GraphQLServerConfig<C>,
    context: (req: Request) => Promise<C>,
  ): Promise<ExecuteOperation<C>>;
  /** Runs on close, after the last request: the latest registered first. */
  onClose(hook: () => Promise<void> | void): void;
  /**
   * Runs as soon as close begins, before requests drain and GraphQL servers stop: for background
   * work that uses those servers (a report run reading through the hub's own API).
   */
  onClosing(hook: () => Promise<void> | void): void;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** Lets requests in flight finish, stops the GraphQL servers, then runs the close hooks. */
  close(): Promise<void>;
}

/**
 * The one server shell of hubs and nodes: an Express app on an HTTP server, the plugins'
 * middleware, the routes `mount` adds, and a graceful close. What `mount` returns is merged
 * into the result (`db`, `registry`).
 */
export async function startServer<T extends object>(
  options: ServerOptions,
  mount: (m: Mount) => Promise<T>,
): Promise<RunningServer & T> {
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  // Idle connections outlive the clients' own idle timeouts (undici's 4 s, a load balancer's 60 s),
  // so the client side always closes them first: a server closing one first races a request the
  // client is sending on it, which then fails with ECONNRESET. Closing drains them regardless.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const drain = drainable(server);
  const plugins = [useErrorMapping(), useNulCharacterRefusal(), ...(options.plugins ?? [])];
  const context = { logger: options.logger };
  const apollos: Pick<ApolloServer, 'stop'>[] = [];
  const hooks: (() => Promise<void> | void)[] = [];
  const firstHooks: (() => Promise<void> | void)[] = [];
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Every step runs even when one fails: a stuck Apollo server must not leak the database.
      const failures: unknown[] = [];
      for (const step of firstHooks)
        await Promise.resolve()
          .then(step)
          .catch((error: unknown) => failures.push(error));
      await drain(options.drainMs ?? 10_000);
      for (const step of [...apollos.map((a) => () => a.stop()), ...hooks.reverse()])
        await Promise.resolve()
          .then(step)
          .catch((error: unknown) => failures.push(error));
      if (failures.length > 0) throw failures[0];
    })());

  try {
    for (const plugin of plugins) plugin.express?.(app, context);
    const mounted = await mount({
      app,
      logger: options.logger,
      async graphql(path, config, contextOf) {
        const apollo = createGraphQLServer(config, plugins, context);
        await apollo.start();
        apollos.push(apollo);
        app.use(
          path,
          expressMiddleware(apollo, {
            context: ({ req }) =>
              contextOf(req).catch((error: unknown) => {
                throw contextErrorOf(plugins, error);
              }),
          }),
        );
        return async (request, contextValue) => {
          const response = await apollo.executeOperation(request, { contextValue });
          if (response.body.kind !== 'single')
            throw new Error('An incremental answer cannot be executed in process');
          const { data, errors, extensions } = response.body.singleResult;
          return {
            ...(data !== undefined ? { data } : {}),
            ...(errors ? { errors } : {}),
            ...(extensions ? { extensions } : {}),
          };
        };
      },
      onClose: (hook) => hooks.push(hook),
      onClosing: (hook) => firstHooks.push(hook),
    });
    for (const plugin of [...plugins].reverse()) plugin.expressAfterRoutes?.(app, context);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
    return { ...mounted, url: `http://${host}:${port}`, server, close };
  } catch (error: unknown) {
    await close();
    throw error;
  }
}
