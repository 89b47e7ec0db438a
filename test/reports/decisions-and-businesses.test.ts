import { directory, seedDirectory } from '@communes/directory';
import { deliberations, seedDeliberations, timeZoneOf } from '@communes/deliberations';
import { REPORT_DEFINITIONS } from '@communes/hub';
import { testDatabaseKinds } from '../support/databases';
import { dataOf, postGraphQL } from '../support/graphql-client';
import { until } from '../support/report-network';
import { startTestHub, type TestHub } from '../support/test-hub';
import { startTestNode, type TestNode } from '../support/test-node';
import {
  decidedItems,
  expectedDecisionCounts,
  expectedDecisionStatistics,
  type DecidedItem,
} from '../deliberations/decision-expectations';
import { LIEGE, LILLE, NAMUR } from '../fixtures/communes';

type Row = Record<string, any>;

const MINE = [
  'business-changes',
  'businesses-by-sector',
  'decisions-by-topic',
  'publication-delay',
  'votes',
];

const REPORT = `query($id: ID!, $read: ReportRead) {
  report(id: $id, read: $read) {
    columns { name }
    rows { dimensions measures stale }
    communes { communeCode state }
  } }`;

const BUSINESSES = `query($first: Int, $after: String) { businesses(first: $first, after: $after) {
  pageInfo { hasNextPage endCursor }
  edges { node { startDate endDate activities { naceVersion section main } } } } }`;

/** A report's rows as objects by column name, in a stable order. */
function rowsOf(table: { columns: { name: string }[]; rows: Row[] }): Row[] {
  const names = table.columns.map((c) => c.name);
  return table.rows
    .map((row) => {
      const values = [...row['dimensions'], ...row['measures']];
      return Object.fromEntries(names.map((name, i) => [name, values[i]]));
    })
    .sort(byJson);
}

const byJson = (a: Row, b: Row) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

/** Sums `measures` of rows grouped by `dimensions`, as a report read grouped must. */
function sumBy(rows: Row[], dimensions: string[], measures: string[]): Row[] {
  const groups = new Map<string, Row>();
  for (const row of rows) {
    const key = JSON.stringify(dimensions.map((d) => row[d]));
    const group = groups.get(key) ?? Object.fromEntries(dimensions.map((d) => [d, row[d]]));
    for (const m of measures) group[m] = (group[m] ?? 0) + row[m];
    groups.set(key, group);
  }
  return [...groups.values()].sort(byJson);
}

/** The H1 reports, run over three communes through the hub, equal what each node says. */
describe.each(testDatabaseKinds())('decision and business reports on %s', (database) => {
  let hub: TestHub;
  const nodes: TestNode[] = [];
  const items = new Map<string, DecidedItem[]>();
  const businesses = new Map<string, Row[]>();

  beforeAll(async () => {
    hub = await startTestHub(database, {
      reports: { definitions: REPORT_DEFINITIONS.filter((d) => MINE.includes(d.id)) },
    });
    for (const [i, commune] of [LIEGE, NAMUR, LILLE].entries()) {
      const node = await startTestNode({
        ...commune,
        database,
        hubPublicKey: hub.identityPublicKey,
        subgraphs: [directory, deliberations],
      });
      nodes.push(node);
      await seedDeliberations(node.db, node.commune, {
        years: 1,
        seed: i + 3,
        only: { from: '2025-01-01', to: '2025-03-31' },
      });
      await seedDirectory(node.db, node.commune, 120 + 40 * i, i + 5);
      await hub.register(commune.code, commune.name, node.url, ['directory', 'deliberations']);
    }
    // What each node says, read directly and anonymously as a run reads.
    for (const node of nodes) {
      const deliberationsQuery = (q: string, v: Row) =>
        postGraphQL<any>(node.endpoint('deliberations'), q, v);
      items.set(node.commune.code, await decidedItems(deliberationsQuery));
      expect(items.get(node.commune.code)!.length).toBeGreaterThan(0);
      const list: Row[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = dataOf(
          await node.query<any>(BUSINESSES, { first: 100, after }),
        ).businesses;
        list.push(...page.edges.map((e: Row) => e['node']));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      businesses.set(node.commune.code, list);
    }
    // The hub's executor learns new members by polling the registry: wait until it serves all.
    await until('the hub to serve the three communes', async () => {
      const answer = await hub.query<any>(
        `{ decisionStatistics { communeCode } businessChangesByMonth(to: "1900-01") { month } }`,
      );
      const served = answer.data?.decisionStatistics?.length === 3 && !answer.errors;
      return served ? true : undefined;
    });
    for (const id of MINE) {
      expect(await hub.reports.runNow(id)).toMatchObject({ state: 'DONE', answered: 3, failed: 0 });
    }
  }, 600_000);
  afterAll(async () => {
    await hub?.close();
    for (const node of nodes) await node.close();
  });

  const read = async (id: string, read: Row = {}) => {
    const table = dataOf(await hub.query<any>(REPORT, { id, read })).report;
    expect(table.communes.map((c: Row) => [c.communeCode, c.state])).toEqual(
      [LIEGE, NAMUR, LILLE].map((c) => [c.code, 'OK']).sort(),
    );
    expect(table.rows.every((r: Row) => r['stale'] === false)).toBe(true);
    return rowsOf(table);
  };

  const codes = () => nodes.map((n) => n.commune.code);

  it('decisions-by-topic: each commune its counts, and topics summed over the communes', async () => {
    const expected = codes().flatMap((code) =>
      expectedDecisionCounts(items.get(code)!, timeZoneOf(code)).map((b) => ({
        commune: code,
        topic: b['topic'],
        month: b['month'],
        body: b['body'],
        state: b['state'],
        count: b['count'],
      })),
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(await read('decisions-by-topic')).toEqual(expected.sort(byJson));
    expect(await read('decisions-by-topic', { groupBy: ['topic'] })).toEqual(
      sumBy(expected, ['topic'], ['count']),
    );
    const councils = expected.filter((r) => r['body'] === 'COUNCIL' && r['month'] === '2025-01');
    expect(
      await read('decisions-by-topic', {
        groupBy: ['body'],
        where: [{ dimension: 'body', values: ['COUNCIL'] }],
        from: '2025-01',
        to: '2025-01',
      }),
    ).toEqual(sumBy(councils, ['body'], ['count']));
  });

  it('publication-delay and votes: each commune its statistics, counts summed', async () => {
    const statistics = codes().map((code) => ({
      code,
      ...expectedDecisionStatistics(items.get(code)!, code),
    }));
    const delays = await read('publication-delay');
    const votes = await read('votes');
    for (const s of statistics) {
      const delay = delays.find((r) => r['commune'] === s.code)!;
      expect(delay).toMatchObject({ decided: s.decided, published: s.published });
      expect(s.published).toBe(s.decided);
      for (const [field, value] of [
        ['medianDays', s.publicationDelayMedianDays],
        ['p90Days', s.publicationDelayP90Days],
      ] as const) {
        if (value === null) expect(delay[field]).toBeNull();
        else expect(delay[field]).toBeCloseTo(value, 6);
      }
      expect(votes.find((r) => r['commune'] === s.code)).toEqual({
        commune: s.code,
        voted: s.voted,
        unanimous: s.unanimous,
        unanimityRate: s.voted > 0 ? s.unanimous / s.voted : null,
        withAbstentions: s.withAbstentions,
        abstentions: s.abstentions,
      });
    }
    const sum = (field: keyof (typeof statistics)[number]) =>
      statistics.reduce((n, s) => n + (s[field] as number), 0);
    expect(await read('publication-delay', { groupBy: [] })).toEqual([
      { decided: sum('decided'), published: sum('published'), medianDays: null, p90Days: null },
    ]);
    expect(await read('votes', { groupBy: [] })).toEqual([
      {
        voted: sum('voted'),
        unanimous: sum('unanimous'),
        unanimityRate: null,
        withAbstentions: sum('withAbstentions'),
        abstentions: sum('abstentions'),
      },
    ]);
  });

  it("businesses-by-sector: each commune's businesses by main section, summed by section", async () => {
    const expected = codes().flatMap((code) => {
      const counts = new Map<string, number>();
      for (const business of businesses.get(code)!) {
        const main = business['activities'].find((a: Row) => a['main']);
        const section = `${main.naceVersion}/${main.section}`;
        counts.set(section, (counts.get(section) ?? 0) + 1);
      }
      return [...counts].map(([section, count]) => ({ commune: code, section, count }));
    });
    expect(await read('businesses-by-sector')).toEqual(expected.sort(byJson));
    expect(await read('businesses-by-sector', { groupBy: ['section'] })).toEqual(
      sumBy(expected, ['section'], ['count']),
    );
  });

  it('business-changes: openings and closings per commune and month, summed by month', async () => {
    const expected = codes().flatMap((code) => {
      const months = new Map<string, { opened: number; closed: number }>();
      const add = (date: string | null, change: 'opened' | 'closed') => {
        if (!date) return;
        const counts = months.get(date.slice(0, 7)) ?? { opened: 0, closed: 0 };
        counts[change]++;
        months.set(date.slice(0, 7), counts);
      };
      for (const b of businesses.get(code)!) {
        add(b['startDate'], 'opened');
        add(b['endDate'], 'closed');
      }
      return [...months].map(([month, counts]) => ({ commune: code, month, ...counts }));
    });
    expect(await read('business-changes')).toEqual(expected.sort(byJson));
    const period = { from: '2020-01', to: '2022-12' };
    const within = expected.filter((r) => r.month >= period.from && r.month <= period.to);
    expect(await read('business-changes', { groupBy: ['month'], ...period })).toEqual(
      sumBy(within, ['month'], ['opened', 'closed']),
    );
  });
});
