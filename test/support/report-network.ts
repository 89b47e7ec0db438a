import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseTarget } from '@communes/kit';
import type { HubOptions, ReportDefinition, ReportRowValues } from '@communes/hub';
import { LIEGE, LILLE, NAMUR } from '../fixtures/communes';
import { belgianNumber, namurBusiness, siren } from '../fixtures/businesses';
import { createTestDatabase, type DatabaseKind } from './databases';
import { dataOf } from './graphql-client';
import { startProxy, type Proxy } from './proxy';
import { startTestHub, type TestHub } from './test-hub';
import { startTestNode, type TestNode } from './test-node';

/** The communes of the report tests, in code order. */
export const REPORT_COMMUNES = [LIEGE, NAMUR, LILLE] as const;

/** Start dates of each commune's businesses: what the test report counts by month. */
export const STARTS: Record<string, string[]> = {
  [LIEGE.code]: ['2025-01-10', '2025-02-03'],
  [NAMUR.code]: ['2025-01-05', '2025-01-20', '2025-03-15'],
  [LILLE.code]: ['2025-02-01', '2025-02-02', '2025-02-28'],
};

/**
 * A report over the directory, for the tests: businesses opened per commune and month, and a
 * figure that cannot be added up (NONE), to see it dropped when grouped away.
 */
export const OPENINGS_REPORT: ReportDefinition = {
  id: 'openings',
  title: { fr: 'Ouvertures', nl: 'Openingen', en: 'Openings' },
  description: { fr: 'Test', nl: 'Test', en: 'Test' },
  dimensions: [
    { name: 'commune', label: { fr: 'Commune', nl: 'Gemeente', en: 'Commune' }, type: 'COMMUNE' },
    { name: 'month', label: { fr: 'Mois', nl: 'Maand', en: 'Month' }, type: 'MONTH' },
  ],
  measures: [
    {
      name: 'opened',
      label: { fr: 'Ouvertes', nl: 'Geopend', en: 'Opened' },
      type: 'INT',
      aggregate: 'SUM',
    },
    {
      name: 'share',
      label: { fr: 'Part', nl: 'Aandeel', en: 'Share' },
      type: 'FLOAT',
      aggregate: 'NONE',
    },
  ],
  periodDimension: 'month',
  sources: ['directory.businessChangesByMonth'],
  chart: 'LINE',
  subgraph: 'directory',
  source: {
    query: `query Openings($communes: [ID!]) {
      businessChangesByMonth(communes: $communes) { communeCode month opened }
    }`,
    rows(data, commune): ReportRowValues[] {
      const list = data['businessChangesByMonth'] as { month: string; opened: number }[];
      const total = list.reduce((sum, m) => sum + m.opened, 0);
      return list.map((m) => ({
        commune,
        month: m.month,
        opened: m.opened,
        share: m.opened / total,
      }));
    },
  },
};

const CREATE = `mutation($commune: ID!, $input: CreateBusinessInput!) {
  createBusiness(commune: $commune, input: $input) { id } }`;

export interface ReportNetwork {
  hub: TestHub;
  /** The hubs' database, shared by every hub `startHub` starts. */
  database: DatabaseTarget;
  nodes: Record<string, TestNode>;
  /** Each node is registered through its proxy: slow it down, or make it fail. */
  proxies: Record<string, Proxy>;
  /** Makes a commune answer every GraphQL request with an error (true) or normally (false). */
  setDown(code: string, down: boolean): void;
  /**
   * Holds a commune's GraphQL requests unanswered (true) until released (false), when those
   * held are dropped: a commune that never answers while a hub runs a report.
   */
  hold(code: string, held: boolean): void;
  /** Starts another hub on the same database (a replica, or the next hub after a restart). */
  startHub(options?: Partial<HubOptions>): Promise<TestHub>;
  close(): Promise<void>;
}

/**
 * A database a hub can be stopped on and another started on: PostgreSQL, or PGlite in a
 * directory on disk (in memory it would die with the first hub).
 */
export async function sharedHubDatabase(
  kind: DatabaseKind,
): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (kind === 'postgres') return createTestDatabase(kind);
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-reports-'));
  return {
    target: { kind: 'pglite', dataDir },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/**
 * A hub with the test report and three directory nodes holding businesses started in known
 * months, each reached through a proxy. Report jobs are polled often so that tests are quick.
 */
export async function startReportNetwork(
  database: DatabaseKind,
  hubOptions: Partial<HubOptions> = {},
): Promise<ReportNetwork> {
  const shared = await sharedHubDatabase(database);
  const options = (more: Partial<HubOptions> = {}): Partial<HubOptions> => ({
    database: shared.target,
    communeTimeoutMs: 60_000,
    requestDeadlineMs: 120_000,
    ...hubOptions,
    ...more,
    reports: {
      definitions: [OPENINGS_REPORT],
      jobPollSeconds: 0.5,
      ...hubOptions.reports,
      ...more.reports,
    },
  });
  const hubs: TestHub[] = [];
  const startHub = async (more: Partial<HubOptions> = {}) => {
    const hub = await startTestHub(database, options(more));
    hubs.push(hub);
    return hub;
  };
  const hub = await startHub();
  const nodes: Record<string, TestNode> = {};
  const proxies: Record<string, Proxy> = {};
  const gates: Record<string, Gate> = {};
  for (const commune of REPORT_COMMUNES) {
    const node = await startTestNode({ ...commune, database, hubPublicKey: hub.identityPublicKey });
    nodes[commune.code] = node;
    proxies[commune.code] = await startProxy(node.url);
    gates[commune.code] = await startGate(proxies[commune.code]!.url);
    await hub.register(commune.code, commune.name, gates[commune.code]!.url);
    const token = await hub.tokenFor({ [commune.code]: ['editor'] });
    for (const [i, startDate] of STARTS[commune.code]!.entries()) {
      const input = businessIn(commune.code, i, startDate);
      dataOf(await hub.query(CREATE, { commune: commune.code, input }, token));
    }
  }
  return {
    hub,
    database: shared.target,
    nodes,
    proxies,
    setDown(code, down) {
      proxies[code]!.transform = down
        ? () => ({ data: null, errors: [{ message: `${code} is down for maintenance` }] })
        : null;
    },
    hold(code, held) {
      gates[code]!.hold(held);
    },
    startHub,
    async close() {
      for (const h of hubs) await h.close().catch(() => undefined);
      for (const g of Object.values(gates)) await g.close();
      for (const p of Object.values(proxies)) await p.close();
      for (const n of Object.values(nodes)) await n.close();
      await shared.drop();
    },
  };
}

interface Gate {
  url: string;
  hold(held: boolean): void;
  close(): Promise<void>;
}

/** Forwards to `target`, or holds GraphQL requests (not `_service`) while told to. */
async function startGate(target: string): Promise<Gate> {
  let held = false;
  const waiting = new Set<ServerResponse>();
  const drop = () => {
    for (const res of waiting) res.destroy();
    waiting.clear();
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (held && req.method === 'POST' && !body.includes('_service')) {
      waiting.add(res);
      res.on('close', () => waiting.delete(res));
      return;
    }
    try {
      const upstream = await fetch(`${target}${req.url}`, {
        method: req.method ?? 'GET',
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(
            ([k, v]) => typeof v === 'string' && k !== 'host' && k !== 'content-length',
          ),
        ) as Record<string, string>,
        ...(req.method === 'POST' ? { body } : {}),
      });
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
      });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      res.destroy();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold(value) {
      held = value;
      if (!held) drop();
    },
    async close() {
      drop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function businessIn(code: string, i: number, startDate: string): Record<string, unknown> {
  const french = code.startsWith('FR');
  const name = `Commerce ${code} ${i}`;
  return {
    ...namurBusiness({ name }),
    enterpriseNumber: french
      ? siren(`7${code.slice(3, 8)}${String(i).padStart(2, '0')}`)
      : belgianNumber(`0${code.slice(3, 8)}${String(i).padStart(2, '0')}`),
    address: french
      ? { street: 'Rue Nationale', postalCode: '59000', locality: 'Lille' }
      : {
          street: 'Rue Haute',
          postalCode: code === LIEGE.code ? '4000' : '5000',
          locality: 'Centre',
        },
    contacts: null,
    location: null,
    startDate,
  };
}

/** Polls `check` until it gives a value (not undefined), or fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const RUNS = `query($reportId: ID) {
  reportRuns(reportId: $reportId) { id reportId trigger state answered failed startedAt finishedAt }
}`;

/** Requests a proxy forwarded to its node's GraphQL endpoints (not health, not `_service`). */
export function graphqlCalls(proxy: Proxy): number {
  return proxy.received.filter((r) => r.url.endsWith('/graphql') && !r.body.includes('_service'))
    .length;
}
