import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { silentLogger, startServer, type RunningServer } from '@communes/kit';
import { networkScdlRoutes, NETWORK_SCDL_PATH } from './network-scdl';

const HEADER = 'COLL_NOM,COLL_SIRET,DELIB_ID\n';

/** A fake node: answers its SCDL path as `answer` says, with the query it was asked. */
async function fakeNode(
  answer: (res: import('node:http').ServerResponse, query: string) => void,
): Promise<{ url: string; server: Server; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const [path, query = ''] = (req.url ?? '').split('?');
    if (path !== '/deliberations/export/scdl.csv') {
      res.statusCode = 404;
      res.end();
      return;
    }
    asked.push(query);
    answer(res, query);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/deliberations/graphql`, server, asked };
}

describe('network SCDL file', () => {
  const servers: Server[] = [];
  let hub: RunningServer;
  const dispatcher = new Agent();

  afterAll(async () => {
    await hub?.close();
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await dispatcher.close();
  });

  beforeAll(async () => {
    const csv = (body: string) => (res: import('node:http').ServerResponse) => {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.end(body);
    };
    const nodes = {
      // Written in pieces, the header split across chunks, the last line without its line end.
      'BE-92094': await fakeNode((res) => {
        res.write('COLL_NOM,COLL');
        res.write('_SIRET,DELIB_ID\nNamur,0000');
        res.end('0216689981,a');
      }),
      'BE-62063': await fakeNode((res) => {
        res.statusCode = 503;
        res.end(JSON.stringify({ errors: [{ extensions: { code: 'EXPORT_NOT_CONFIGURED' } }] }));
      }),
      'FR-59350': await fakeNode(
        csv(`${HEADER}Lille,21590350100017,b\n"Lille, ""bis""",21590350100017,c\n`),
      ),
      'FR-62041': await fakeNode(csv('COLL_NOM,OTHER\nArras,x\n')),
      'FR-59000': await fakeNode(() => {
        // Never answers: the commune's timeout ends it.
      }),
      'FR-59001': await fakeNode((res) => {
        res.statusCode = 500;
        res.end('{}');
      }),
    };
    servers.push(...Object.values(nodes).map((n) => n.server));
    const targets = Object.entries(nodes)
      .map(([code, node]) => ({ code, url: node.url }))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    hub = await startServer({ logger: silentLogger }, async ({ app }) => {
      app.use(
        networkScdlRoutes({
          membership: { serving: (subgraph) => (subgraph === 'deliberations' ? targets : []) },
          dispatcher,
          logger: silentLogger,
          communeTimeoutMs: 1_000,
        }),
      );
      return {};
    });
  });

  it('concatenates the answering communes under one header, names the others', async () => {
    const response = await fetch(`${hub.url}${NETWORK_SCDL_PATH}?from=2025-01-01&to=2025-12-31`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      `${HEADER}Namur,00000216689981,a\nLille,21590350100017,b\n"Lille, ""bis""",21590350100017,c\n`,
    );
    expect(response.headers.get('x-communes-included')).toBe('BE-92094,FR-59350');
    expect(response.headers.get('x-communes-not-configured')).toBe('BE-62063');
    // FR-59000 timed out, FR-59001 answered 500, FR-62041's header is not the others'.
    expect(response.headers.get('x-communes-failed')).toBe('FR-59000,FR-59001,FR-62041');
  });
});
