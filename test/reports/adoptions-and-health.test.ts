import { components, seedComponents } from '@communes/components';
import { directory } from '@communes/directory';
import { REPORT_DEFINITIONS } from '@communes/hub';
import { testDatabaseKinds } from '../support/databases';
import { dataOf, postGraphQL } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { startTestNode, type TestNode } from '../support/test-node';
import { LIEGE, LILLE, NAMUR } from '../fixtures/communes';

const MINE = ['adoption-matrix', 'adoptions-over-time', 'network-health'];

const ADOPTIONS = `query {
  adoptions(filter: { status: [EVALUATING, IN_PRODUCTION, RETIRED] }, first: 100) {
    edges { node { communeCode since status } }
  }
}`;

const TABLE = `query($id: ID!, $read: ReportRead) {
  report(id: $id, read: $read) {
    columns { name }
    rows { dimensions measures stale }
    communes { communeCode state }
  }
}`;

type Row = Record<string, any>;

/** The H2 reports, run over three communes through the hub, equal what each node says. */
describe.each(testDatabaseKinds())('adoption and health reports on %s', (database) => {
  let hub: TestHub;
  const nodes: TestNode[] = [];
  const communes = [LIEGE, NAMUR, LILLE];
  let adoptions: Row[] = [];

  const table = async (id: string, read: Row = {}) =>
    dataOf(await hub.query(TABLE, { id, read })).report;

  beforeAll(async () => {
    hub = await startTestHub(database, {
      reports: { definitions: REPORT_DEFINITIONS.filter((d) => MINE.includes(d.id)) },
    });
    for (const commune of communes) {
      const node = await startTestNode({
        ...commune,
        database,
        hubPublicKey: hub.identityPublicKey,
        subgraphs: [directory, components],
      });
      nodes.push(node);
      await seedComponents(node.db, node.commune);
      await hub.register(commune.code, commune.name, node.url, ['directory', 'components']);
    }
    // What the nodes say, read directly and anonymously as a run reads.
    for (const node of nodes) {
      const answer = dataOf(await postGraphQL<any>(node.endpoint('components'), ADOPTIONS));
      adoptions.push(...answer.adoptions.edges.map((e: Row) => e['node']));
    }
    adoptions = adoptions.filter((a) => communes.some((c) => c.code === a.communeCode));
    for (const id of MINE) {
      expect(await hub.reports.runNow(id)).toMatchObject({ state: 'DONE', answered: 3, failed: 0 });
    }
  }, 600_000);
  afterAll(async () => {
    await hub?.close();
    for (const node of nodes) await node.close();
  });

  it('adoptions over time count each commune’s adoptions by the month they began', async () => {
    expect(adoptions.length).toBeGreaterThan(0);
    const expected = new Map<string, number>();
    for (const a of adoptions) {
      const key = `${a.communeCode}|${a.since.slice(0, 7)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const report = await table('adoptions-over-time');
    expect(report.communes.map((c: Row) => c.state)).toEqual(['OK', 'OK', 'OK']);
    const got = new Map<string, number>(
      report.rows.map((r: Row) => [r.dimensions.join('|'), r.measures[0]]),
    );
    expect(got).toEqual(expected);
  });

  it('the adoption matrix has a row per current adoption, with its status', async () => {
    const report = await table('adoption-matrix', { groupBy: ['commune', 'status'] });
    const current = adoptions.filter((a) => a.status !== 'RETIRED');
    const expected = new Map<string, number>();
    for (const a of current) {
      const key = `${a.communeCode}|${a.status}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const got = new Map<string, number>(
      report.rows.map((r: Row) => [r.dimensions.join('|'), r.measures[0]]),
    );
    expect(got).toEqual(expected);
  });

  it('network health has a row per member and subgraph it serves', async () => {
    const report = await table('network-health');
    expect(report.rows.map((r: Row) => r.dimensions)).toEqual(
      communes
        .map((c) => c.code)
        .sort()
        .flatMap((code) => [
          [code, 'components'],
          [code, 'directory'],
        ]),
    );
    for (const row of report.rows) expect([0, 1]).toContain(row.measures[0]);
  });
});
