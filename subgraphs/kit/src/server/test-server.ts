import type { Express, Request } from 'express';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { NotFound } from '../errors';
import { silentLogger, type Logger } from './logger';
import type { ServerPlugin } from './plugin';
import { useBodyLimit } from './plugins/body-limit';
import { startServer, type RunningServer } from './shell';

/** For the shell's and plugins' tests: fields that answer, fail as the domain expects, crash. */
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      hello: {
        type: GraphQLString,
        args: { name: { type: GraphQLString } },
        resolve: (_source, args: { name?: string }) => `hello ${args.name ?? 'world'}`,
      },
      missing: {
        type: GraphQLString,
        resolve: () => {
          throw new NotFound('Business', 'b-1');
        },
      },
      crash: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('secret detail at /srv/app.ts:12');
        },
      },
    },
  }),
});

/** A shell on a free port with `/graphql` over that schema and whatever `routes` adds. */
export function startTestShell(
  options: {
    /** The body limit alone unless given: GraphQL needs a parsed body. */
    plugins?: ServerPlugin[];
    logger?: Logger;
    drainMs?: number;
    routes?: (app: Express) => void;
    /** Builds each GraphQL request's context; it may refuse the request by throwing. */
    context?: (req: Request) => Promise<object>;
  } = {},
): Promise<RunningServer> {
  const { plugins = [useBodyLimit()], drainMs, logger = silentLogger } = options;
  return startServer({ logger, plugins, drainMs }, async ({ app, graphql }) => {
    await graphql('/graphql', { schema }, options.context ?? (async () => ({})));
    options.routes?.(app);
    return {};
  });
}

/** POSTs a JSON body (or raw text) and reads the answer as JSON. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  // Tests read untyped JSON answers, as in test/ (eslint.config.js).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
