import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { contractSdl } from '@communes/schema';

export interface FakeSubgraph {
  /** The subgraph endpoint, `/directory/graphql` like a node's. */
  url: string;
  close(): Promise<void>;
}

/** The directory contract with one edit applied; fails if the edit does not apply. */
export function editedDirectorySdl(from: string | RegExp, to: string): string {
  const sdl = contractSdl('directory');
  const edited = sdl.replace(from, to);
  if (edited === sdl) throw new Error(`edit ${String(from)} does not apply to the contract`);
  return edited;
}

/** A real Apollo subgraph serving `sdl` (no resolvers: only `_service` is asked). */
export async function startApolloSubgraph(sdl: string): Promise<FakeSubgraph> {
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: parse(sdl) }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
  return { url: new URL('directory/graphql', url).toString(), close: () => apollo.stop() };
}

export interface DriftingSubgraph extends FakeSubgraph {
  /** Changes the SDL served from now on. */
  serve(sdl: string): void;
}

/** A node stand-in whose served SDL a test can change: how drift after registration looks. */
export async function startDriftingSubgraph(sdl: string): Promise<DriftingSubgraph> {
  let served = sdl;
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET' && req.url === '/health') {
      res.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    req.resume();
    req.on('end', () => res.end(JSON.stringify({ data: { _service: { sdl: served } } })));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/directory/graphql`,
    serve: (next) => {
      served = next;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A URL on which nothing listens: a port just freed. */
export async function unusedUrl(): Promise<string> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}/directory/graphql`;
}
