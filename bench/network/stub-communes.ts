/**
 * Commune nodes with a fixed latency, for the network bench: each serves the directory
 * contract from memory and answers every request after `--latency` ms, so that what the
 * bench measures is the hub, not the databases. Prints the base URLs as one JSON line.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, validate, type DocumentNode } from 'graphql';
import { contractSdl, decodeNodeCursor, encodeNodeCursor } from '@communes/schema';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '50' }, latency: { type: 'string', default: '20' } },
});
const count = Number(values.count);
const latencyMs = Number(values.latency);

interface StubBusiness {
  communeCode: string;
  id: string;
  name: string;
  nameSort: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function businessesOf(code: string, index: number): StubBusiness[] {
  return Array.from({ length: 200 }, (_, i) => {
    const name = `Commerce ${String((i * 7919 + index * 31) % 1000).padStart(3, '0')} ${code}`;
    const hex = (index * 1000 + i).toString(16).padStart(12, '0');
    return {
      communeCode: code,
      id: `00000000-0000-4000-8000-${hex}`,
      name,
      nameSort: name.toLowerCase(),
    };
  }).sort((a, b) =>
    a.nameSort < b.nameSort ? -1 : a.nameSort > b.nameSort ? 1 : a.id < b.id ? -1 : 1,
  );
}

async function startStub(code: string, index: number): Promise<string> {
  const rows = businessesOf(code, index);
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(contractSdl('directory')),
      resolvers: {
        Query: {
          businesses: (
            _: unknown,
            args: { communes?: string[] | null; first?: number; after?: string | null },
          ) => {
            if (args.communes && !args.communes.includes(code)) {
              return {
                edges: [],
                totalCount: 0,
                pageInfo: { hasNextPage: false, hasPreviousPage: false },
              };
            }
            const after = args.after ? decodeNodeCursor(args.after) : null;
            const rest = after
              ? rows.filter(
                  (r) =>
                    r.nameSort > String(after.key[0]) ||
                    (r.nameSort === after.key[0] && r.id > after.id),
                )
              : rows;
            const first = args.first ?? 20;
            const page = rest.slice(0, first);
            const edges = page.map((node) => ({
              node,
              cursor: encodeNodeCursor({
                order: 'NAME',
                direction: 'ASC',
                key: [node.nameSort],
                id: node.id,
              }),
            }));
            return {
              edges,
              totalCount: rows.length,
              pageInfo: {
                hasNextPage: rest.length > first,
                hasPreviousPage: Boolean(after),
                startCursor: edges[0]?.cursor ?? null,
                endCursor: edges.at(-1)?.cursor ?? null,
              },
            };
          },
        },
      } as never,
    },
  ]);
  const documents = new Map<string, DocumentNode>();
  const answers = new Map<string, string>();
  const server = createServer(async (req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    const started = performance.now();
    // A node whose own latency is fixed: the same request gets the same answer, after latencyMs.
    const key = Buffer.concat(chunks).toString('utf8');
    const cached = answers.get(key);
    if (cached) {
      await sleep(latencyMs - (performance.now() - started));
      res.writeHead(200, { 'content-type': 'application/json' }).end(cached);
      return;
    }
    // Parsed and validated once per query text, as a real server's document cache does.
    let document = documents.get(body.query);
    if (!document) {
      document = parse(body.query);
      const errors = validate(schema, document);
      if (errors.length > 0) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors }));
        return;
      }
      documents.set(body.query, document);
    }
    const result = JSON.stringify(
      await execute({ schema, document, variableValues: body.variables ?? {} }),
    );
    answers.set(key, result);
    await sleep(latencyMs - (performance.now() - started));
    res.writeHead(200, { 'content-type': 'application/json' }).end(result);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function main(): Promise<void> {
  const communes: { code: string; url: string }[] = [];
  for (let i = 0; i < count; i++) {
    const code = `BE-${String(10000 + i * 37).padStart(5, '0')}`;
    communes.push({ code, url: await startStub(code, i) });
  }
  console.log(JSON.stringify(communes));
}

void main();
