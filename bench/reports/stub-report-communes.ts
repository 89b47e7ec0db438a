/**
 * Commune nodes for the reports bench: each serves the three network subgraphs of the contract
 * (`/<subgraph>/graphql`) with the fields the report definitions read, from synthetic data held
 * in memory, and answers after `--latency` ms, so that what the bench measures is the hub's
 * runner and storage, not the nodes' databases. Prints the base URLs as one JSON line.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { contractSdl, encodeNodeCursor } from '@communes/schema';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200' },
    latency: { type: 'string', default: '20' },
  },
});
const count = Number(values.count);
const latencyMs = Number(values.latency);
const SUBGRAPHS = ['directory', 'deliberations', 'components'] as const;
const MONTHS = Array.from({ length: 24 }, (_, i) =>
  new Date(Date.UTC(2024, i, 1)).toISOString().slice(0, 7),
);
const TOPICS = ['1.1', '1.2', '2.1', '3.1', '5.2', '7.1', '7.5', '8.3', '9.1'];
const SECTIONS = 'ABCDEFGHIJKLMNOPQRS'.split('');

const uuid = (commune: number, i: number) =>
  `00000000-0000-4000-8000-${(commune * 100 + i).toString(16).padStart(12, '0')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const empty = {
  edges: [],
  totalCount: 0,
  pageInfo: { hasNextPage: false, hasPreviousPage: false },
};
/** A page in the node's order, each edge with the node cursor the hub merges by. */
const connection = <T extends { id: string }>(
  order: string,
  direction: 'ASC' | 'DESC',
  keyOf: (node: T) => string,
  nodes: T[],
) => ({
  edges: nodes.map((node) => ({
    node,
    cursor: encodeNodeCursor({ order, direction, key: [keyOf(node)], id: node.id }),
  })),
  totalCount: nodes.length,
  pageInfo: { hasNextPage: false, hasPreviousPage: false },
});

/** One commune's figures: a council and a college deciding every month, some businesses, software. */
function resolversOf(code: string, index: number) {
  const mine = (communes?: string[] | null) => !communes || communes.includes(code);
  const decisionCounts = MONTHS.flatMap((month, m) =>
    TOPICS.flatMap((topic, t) =>
      (['COUNCIL', 'COLLEGE'] as const).map((body, b) => ({
        key: `${topic}|${month}|${body}|ACCEPTED`,
        topic,
        topicName: `Thème ${topic}`,
        month,
        body,
        state: 'ACCEPTED',
        count: 1 + ((index + m * 7 + t * 3 + b) % 5),
      })),
    ),
  );
  return {
    directory: {
      Query: {
        businessCountsBySector: (_: unknown, a: { communes?: string[] }) =>
          mine(a.communes)
            ? SECTIONS.map((section, s) => ({
                key: section,
                naceVersion: 'NACE_2008',
                section,
                label: section,
                count: 1 + ((index + s) % 17),
              }))
            : [],
        businessChangesByMonth: (_: unknown, a: { communes?: string[] }) =>
          mine(a.communes)
            ? MONTHS.map((month, m) => ({
                communeCode: code,
                month,
                opened: (index + m) % 6,
                closed: (index + m) % 3,
              }))
            : [],
      },
    },
    deliberations: {
      Query: {
        decisionCounts: (_: unknown, a: { communes?: string[] }) =>
          mine(a.communes) ? decisionCounts : [],
        decisionStatistics: (_: unknown, a: { communes?: string[] }) =>
          mine(a.communes)
            ? [
                {
                  communeCode: code,
                  decided: 400 + index,
                  published: 380 + index,
                  publicationDelayMedianDays: 9 + (index % 7),
                  publicationDelayP90Days: 20 + (index % 11),
                  voted: 300,
                  unanimous: 240 + (index % 50),
                  withAbstentions: 30,
                  abstentions: 45,
                },
              ]
            : [],
      },
    },
    components: {
      Query: {
        adoptions: (_: unknown, a: { communes?: string[] }) =>
          mine(a.communes)
            ? connection(
                'SINCE',
                'DESC',
                (adoption) => adoption.since,
                Array.from({ length: 5 }, (_, i) => ({
                  communeCode: code,
                  id: uuid(index, i),
                  componentUrl: `https://git.example/software-${i}`,
                  componentName: `Logiciel ${i}`,
                  version: `1.${(index + i) % 4}.0`,
                  status: i === 4 ? 'EVALUATING' : 'IN_PRODUCTION',
                  since: `${MONTHS[(index + i * 5) % MONTHS.length]}-01`,
                })).sort((a, b) => (a.since < b.since ? 1 : a.since > b.since ? -1 : 0)),
              )
            : empty,
        components: (_: unknown, a: { communes?: string[] }) =>
          mine(a.communes) && index < 5
            ? connection('NAME', 'ASC', (component) => component.name.toLowerCase(), [
                {
                  communeCode: code,
                  id: uuid(index, 9),
                  name: `Logiciel ${index}`,
                  url: `https://git.example/software-${index}`,
                  softwareVersion: '1.3.0',
                  releases: ['1.3.0', '1.2.0', '1.1.0', '1.0.0'].map((softwareVersion) => ({
                    softwareVersion,
                  })),
                },
              ])
            : empty,
      },
    },
  };
}

async function startStub(code: string, index: number): Promise<string> {
  const resolvers = resolversOf(code, index);
  const schemas = new Map<string, GraphQLSchema>(
    SUBGRAPHS.map((name) => [
      name,
      buildSubgraphSchema([
        { typeDefs: parse(contractSdl(name)), resolvers: resolvers[name] as never },
      ]),
    ]),
  );
  const documents = new Map<string, DocumentNode>();
  const server = createServer(async (req, res) => {
    const started = performance.now();
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const subgraph = /^\/(\w+)\/graphql/.exec(req.url ?? '')?.[1] ?? '';
    const schema = schemas.get(subgraph);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!schema) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    let document = documents.get(`${subgraph}\n${body.query}`);
    if (!document) {
      document = parse(body.query);
      const errors = validate(schema, document);
      if (errors.length > 0) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors }));
        return;
      }
      documents.set(`${subgraph}\n${body.query}`, document);
    }
    const result = JSON.stringify(
      await execute({ schema, document, variableValues: body.variables ?? {} }),
    );
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
