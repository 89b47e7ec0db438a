import { parse } from 'csv-parse/sync';
import { countryOf, silentLogger, type NodeCommune } from '@communes/kit';
import { deliberations } from '@communes/deliberations';
import { seedDeliberations } from '@communes/deliberations/src/seed';
import { startNode, type RunningNode } from '@communes/node';
import { createTestDatabase, testDatabaseKinds, type DatabaseKind } from '../support/databases';
import { startTestHub, type TestHub } from '../support/test-hub';
import { LIEGE, LILLE, NAMUR } from '../fixtures/communes';

/** A well-formed SIRET (14 digits, Luhn) standing for Lille's. */
const LILLE_SIRET = '21590350100017';
/** A well-formed KBO/BCE number (mod 97) standing for Namur's. */
const NAMUR_KBO = '0216.689.981';
const SEEDED = { from: '2025-01-01', to: '2025-04-30' };
const PERIOD = 'from=2025-02-01&to=2025-03-31';

interface ScdlNode extends RunningNode {
  commune: NodeCommune;
}

/** A node serving deliberations, with the commune's identifiers when given (else no SCDL). */
async function startScdlNode(
  fixture: { code: string; name: string },
  database: DatabaseKind,
  hub: TestHub,
  identifiers: { siret?: string; enterpriseNumber?: string },
): Promise<ScdlNode> {
  const target = await createTestDatabase(database);
  const commune: NodeCommune = { ...fixture, country: countryOf(fixture.code), ...identifiers };
  const node = await startNode({
    commune,
    database: target.target,
    subgraphs: [deliberations],
    port: 0,
    hubPublicKey: hub.identityPublicKey,
    logger: silentLogger,
  });
  await hub.register(fixture.code, fixture.name, node.url, ['deliberations']);
  let closed = false;
  return {
    ...node,
    commune,
    async close() {
      if (closed) return;
      closed = true;
      await node.close();
      await target.drop();
    },
  };
}

describe.each(testDatabaseKinds())('network SCDL export (%s)', (database) => {
  let hub: TestHub;
  let namur: ScdlNode;
  let lille: ScdlNode;
  let liege: ScdlNode;

  beforeAll(async () => {
    hub = await startTestHub(database);
    // Liège's node has no KBO number: it serves deliberations but not the French standard.
    lille = await startScdlNode(LILLE, database, hub, { siret: LILLE_SIRET });
    namur = await startScdlNode(NAMUR, database, hub, { enterpriseNumber: NAMUR_KBO });
    liege = await startScdlNode(LIEGE, database, hub, {});
    // Seeded once all are registered: the hub's idle keep-alive connections are not reused late.
    for (const node of [lille, namur, liege])
      await seedDeliberations(node.db, node.commune, { years: 2, seed: 2025, only: SEEDED });
    await hub.registry.membership.refresh();
  });
  afterAll(async () => {
    await Promise.all([lille?.close(), namur?.close(), liege?.close()]);
    await hub?.close();
  });

  const ownExport = async (node: ScdlNode) => {
    const response = await fetch(`${node.url}/deliberations/export/scdl.csv?${PERIOD}`);
    expect(response.status).toBe(200);
    return parse(await response.text()) as string[][];
  };

  it('is one file with one header row: the French-standard communes in commune-code order', async () => {
    const response = await fetch(`${hub.url}/exports/scdl/deliberations.csv?${PERIOD}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="deliberations-2025-02-01-2025-03-31.csv"',
    );
    expect(response.headers.get('x-communes-included')).toBe('BE-92094,FR-59350');
    expect(response.headers.get('x-communes-not-configured')).toBe('BE-62063');
    expect(response.headers.get('x-communes-failed')).toBe('');
    const [namurHeader, ...namurRows] = await ownExport(namur);
    const [lilleHeader, ...lilleRows] = await ownExport(lille);
    expect(namurHeader).toEqual(lilleHeader);
    expect(namurRows.length).toBeGreaterThan(0);
    expect(lilleRows.length).toBeGreaterThan(0);
    const records = parse(await response.text()) as string[][];
    expect(records).toEqual([namurHeader, ...namurRows, ...lilleRows]);
    expect(records.filter((r) => r[0] === 'COLL_NOM')).toHaveLength(1);
  });

  it('refuses a bad period naming the parameter', async () => {
    for (const [query, field] of [
      ['to=2025-03-31', 'from'],
      ['from=2025-02-30&to=2025-03-31', 'from'],
      ['from=2025-04-01&to=2025-03-31', 'to'],
      ['from=2020-01-01&to=2025-03-31', 'to'],
      [`${PERIOD}&commune=BE-92094`, 'commune'],
    ] as const) {
      const response = await fetch(`${hub.url}/exports/scdl/deliberations.csv?${query}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
      expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('leaves out a commune that fails and names it in X-Communes-Failed', async () => {
    const [, ...lilleRows] = await ownExport(lille);
    await namur.close();
    const response = await fetch(`${hub.url}/exports/scdl/deliberations.csv?${PERIOD}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-communes-failed')).toBe('BE-92094');
    expect(response.headers.get('x-communes-included')).toBe('FR-59350');
    const [header, ...rows] = parse(await response.text()) as string[][];
    expect(header![0]).toBe('COLL_NOM');
    expect(rows).toEqual(lilleRows);
  });
});
