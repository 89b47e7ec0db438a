import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contractSdl } from '@communes/schema';
import { checkContract, contractDifferences } from './contract-compatibility';

const directory = contractSdl('directory');

function edited(from: string | RegExp, to: string): string {
  const sdl = directory.replace(from, to);
  if (sdl === directory) throw new Error(`edit ${String(from)} does not apply`);
  return sdl;
}

describe('contract differences', () => {
  it('finds none in the contract itself, nor in additions', async () => {
    expect(await contractDifferences('directory', directory)).toEqual([]);
    const extended = edited('type Query {', 'type Query {\n  extra: Int');
    expect(await contractDifferences('directory', extended)).toEqual([]);
  });

  it('ignores the federation version the node links', async () => {
    expect(
      await contractDifferences('directory', edited('federation/v2.7', 'federation/v2.3')),
    ).toEqual([]);
  });

  it('reports removed fields and changed entity keys', async () => {
    // The field goes with its description line.
    const withoutName = edited(/\n {2}"[^"\n]*"\n {2}name: String!\n/, '\n');
    expect(await contractDifferences('directory', withoutName)).toEqual([
      "Field 'name' was removed from object type 'Business'",
    ]);
    expect(
      await contractDifferences(
        'directory',
        edited('@key(fields: "communeCode id")', '@key(fields: "id")'),
      ),
    ).toEqual(["Key 'communeCode id' was removed from entity type 'Business'"]);
  });

  it('reports an SDL that does not build', async () => {
    const [difference] = await contractDifferences('directory', 'type Query { oops }');
    expect(difference).toMatch(/^The served SDL is not a valid subgraph schema/);
  });
});

describe('checkContract', () => {
  let server: Server;
  let url: string;
  let answer: (body: string) => string | null;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const text = answer(body);
        // null: keep the caller waiting, as a hung node would.
        if (text !== null) res.setHeader('content-type', 'application/json').end(text);
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/directory/graphql`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('asks the endpoint for `_service { sdl }`', async () => {
    answer = (body) =>
      JSON.parse(body).query.includes('_service')
        ? JSON.stringify({ data: { _service: { sdl: directory } } })
        : '{}';
    expect(await checkContract('directory', url)).toEqual({
      status: 'COMPATIBLE',
      differences: [],
      served: true,
    });
  });

  it('calls a GraphQL server that is not a subgraph incompatible', async () => {
    answer = () => JSON.stringify({ errors: [{ message: 'Cannot query field "_service"' }] });
    expect(await checkContract('directory', url)).toEqual({
      status: 'INCOMPATIBLE',
      differences: ['The endpoint does not answer `_service { sdl }`'],
      served: false,
    });
  });

  it('gives up after the timeout', async () => {
    answer = () => null;
    expect(await checkContract('directory', url, { timeoutMs: 100 })).toEqual({
      status: 'UNREACHABLE',
      differences: [],
      error: 'no answer within 100 ms',
      served: false,
    });
  });

  it('calls an answer that is not GraphQL unreachable', async () => {
    answer = () => '<html>Not here</html>';
    expect(await checkContract('directory', url)).toMatchObject({
      status: 'UNREACHABLE',
      error: 'answered HTTP 200 without GraphQL',
    });
  });
});
