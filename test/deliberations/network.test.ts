import { seedDeliberations } from '@communes/deliberations';
import { decodeNodeCursor } from '@communes/schema';
import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { LILLE, NAMUR } from '../fixtures/communes';
import {
  DECISION_COUNTS,
  DECISION_STATISTICS,
  decidedItems,
  expectStatistics,
  expectedDecisionStatistics,
} from './decision-expectations';
import { startDeliberationsNode, type DeliberationsNode } from './support';

const ITEMS = `query($communes: [ID!], $filter: ItemFilter, $orderBy: ItemOrder, $first: Int, $after: String) {
  items(communes: $communes, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { communeCode id title public topic { code } state } } } }`;

const COUNTS = `query($communes: [ID!]) { itemCountsByTopic(communes: $communes) { key name count } }`;
const MONTHS = `query($communes: [ID!]) { itemCountsByMonth(communes: $communes) { key count } }`;

describe.each(testDatabaseKinds())('deliberations through the hub on %s', (database) => {
  let hub: TestHub;
  const nodes: DeliberationsNode[] = [];

  beforeAll(async () => {
    hub = await startTestHub(database);
    for (const [i, commune] of [NAMUR, LILLE].entries()) {
      const node = await startDeliberationsNode({
        ...commune,
        database,
        hubPublicKey: hub.identityPublicKey,
      });
      nodes.push(node);
      // A quarter of council and college meetings, decided, as the demo seed writes them.
      await seedDeliberations(node.db, node.commune, {
        years: 1,
        seed: i + 7,
        only: { from: '2025-01-01', to: '2025-03-31' },
      });
      await hub.register(commune.code, commune.name, node.url, ['directory', 'deliberations']);
    }
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
    for (const node of nodes) await node.close();
  });

  /** Each node's items asked directly, anonymously, in the network's order. */
  async function expectedUnion(
    filter: Record<string, unknown>,
    orderBy: { field: string; direction: string },
  ) {
    const rows: { key: string | number; commune: string; id: string }[] = [];
    for (const node of nodes) {
      let after: string | null = null;
      for (;;) {
        const page: any = dataOf(
          await node.query(ITEMS, { filter, orderBy, first: 100, after }),
        ).items;
        for (const edge of page.edges)
          rows.push({
            key: decodeNodeCursor(edge.cursor)!.key[0]!,
            commune: node.commune.code,
            id: edge.node.id,
          });
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
    }
    const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    const sign = orderBy.direction === 'ASC' ? 1 : -1;
    rows.sort((a, b) => sign * (cmp(a.key, b.key) || cmp(a.commune, b.commune) || cmp(a.id, b.id)));
    return rows.map((r) => `${r.commune}/${r.id}`);
  }

  it.each([
    [{ topic: '7' }, { field: 'DECIDED_AT', direction: 'DESC' }],
    [{}, { field: 'TITLE', direction: 'ASC' }],
    [{ search: 'budget' }, { field: 'CREATED_AT', direction: 'DESC' }],
  ])('pages items of two communes as one list: filter %o, order %o', async (filter, orderBy) => {
    const expected = await expectedUnion(filter, orderBy);
    expect(expected.length).toBeGreaterThan(0);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 200; i++) {
      const response = await hub.query(ITEMS, { filter, orderBy, first: 7, after });
      const page: any = dataOf(response).items;
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.edges.map((e: any) => `${e.node.communeCode}/${e.node.id}`));
      for (const edge of page.edges) expect(edge.node.public).toBe(true);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('finds decisions by network topic across communes, and merges counts by topic', async () => {
    const merged = dataOf(await hub.query(COUNTS, {})).itemCountsByTopic as any[];
    const topic = merged[0].key as string;
    const byTopic = dataOf(
      await hub.query(
        `query($t: String) { items(filter: { topic: $t }, first: 100) { totalCount edges { node { communeCode topic { code } } } } }`,
        { t: topic },
      ),
    ).items as any;
    expect(byTopic.totalCount).toBe(merged[0].count);
    expect(byTopic.edges.every((e: any) => e.node.topic.code === topic)).toBe(true);
    const perNode = await Promise.all(
      nodes.map(async (node) => dataOf(await node.query(COUNTS, {})).itemCountsByTopic as any[]),
    );
    const sum = (list: any[]) => list.reduce((total, bucket) => total + bucket.count, 0);
    expect(sum(merged)).toBe(sum(perNode[0]!) + sum(perNode[1]!));
    expect(new Set(merged.map((b) => b.key)).size).toBe(merged.length);
    const one = dataOf(await hub.query(COUNTS, { communes: [LILLE.code] }))
      .itemCountsByTopic as any[];
    expect(sum(one)).toBe(sum(perNode[1]!));
  });

  it('merges counts by month oldest first, each month summed over the communes', async () => {
    const merged = dataOf(await hub.query(MONTHS, {})).itemCountsByMonth as any[];
    const keys = merged.map((b) => b.key);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual(['2025-01', '2025-02', '2025-03']);
    // The seeded months differ in size: largest first, as other buckets go, would reorder them.
    expect([...merged].sort((a, b) => b.count - a.count).map((b) => b.key)).not.toEqual(keys);
    const perNode = await Promise.all(
      nodes.map(async (node) => dataOf(await node.query(MONTHS, {})).itemCountsByMonth as any[]),
    );
    for (const counts of perNode) {
      expect(counts.map((b) => b.key)).toEqual([...counts.map((b) => b.key)].sort());
    }
    for (const bucket of merged) {
      const sum = perNode
        .flat()
        .filter((b) => b.key === bucket.key)
        .reduce((n, b) => n + b.count, 0);
      expect(bucket.count).toBe(sum);
    }
  });

  it("lists each commune's decision statistics and merges decision counts by key", async () => {
    const statistics = dataOf(await hub.query(DECISION_STATISTICS, {})).decisionStatistics as any[];
    expect(statistics.map((s) => s.communeCode)).toEqual([NAMUR.code, LILLE.code]);
    let decided = 0;
    for (const [i, node] of nodes.entries()) {
      const items = await decidedItems((q, v) => node.query(q, v));
      expectStatistics(statistics[i], expectedDecisionStatistics(items, node.commune.code));
      // Seeded meetings are closed: their public decisions were published days to weeks later.
      expect(statistics[i].published).toBe(items.length);
      expect(statistics[i].publicationDelayMedianDays).toBeGreaterThan(2);
      expect(statistics[i].publicationDelayP90Days).toBeLessThan(37);
      decided += items.length;
    }
    const counts = dataOf(await hub.query(DECISION_COUNTS, {})).decisionCounts as any[];
    expect(counts.reduce((n, b) => n + b.count, 0)).toBe(decided);
    expect(new Set(counts.map((b) => b.key)).size).toBe(counts.length);
  });

  it('hops from a commune of the registry to its meetings', async () => {
    const communes = dataOf(
      await hub.query(
        `{ communes { code meetings(first: 3) { totalCount edges { node { communeCode title state } } } } }`,
      ),
    ).communes as any[];
    expect(communes.map((c) => c.code)).toEqual([NAMUR.code, LILLE.code]);
    for (const commune of communes) {
      expect(commune.meetings.totalCount).toBeGreaterThan(0);
      for (const edge of commune.meetings.edges) expect(edge.node.communeCode).toBe(commune.code);
    }
  });
});
