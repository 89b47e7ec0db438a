import { randomUUID } from 'node:crypto';
import { encodeNodeCursor } from '@communes/schema';
import { testDatabaseKinds } from '../support/databases';
import { LIEGE } from '../fixtures/communes';
import { COUNTS_BY_MONTH, COUNTS_BY_TOPIC, ITEMS, MEETINGS } from './operations';
import { problemsOf, useNamur } from './suite';

type Row = Record<string, any>;

/** Full-text search, filters, keyset pages and counts, as the hub merges them. */
describe.each(testDatabaseKinds())('deliberations: search, paging and counts on %s', (database) => {
  const s = useNamur(database);
  const { as, read } = s;

  describe('search, paging and counts', () => {
    beforeAll(async () => {
      const decideAll = async (items: Row[]) => {
        for (const item of items) {
          await s.clerk.decide(item['id'], 'ACCEPTED', {
            pollType: 'NONE',
            present: 5,
            yes: 5,
            no: 0,
            abstain: 0,
          });
        }
      };
      // 22:30 UTC on 31 March is 00:30 on 1 April in Namur: an April decision.
      const april = await s.clerk.publishedMeetingWith(
        [
          { title: 'Budget communal 2026', description: 'Adoption du budget ordinaire' },
          { title: "Rénovation de l'église Saint-Loup", category: 'TRAVAUX' },
          { title: 'Taxe sur les secondes résidences', category: 'FIN-TAXES' },
        ],
        { startsAt: '2025-03-31T22:30:00Z' },
      );
      const february = await s.clerk.publishedMeetingWith([{ title: 'Compte communal 2024' }], {
        startsAt: '2025-02-10T19:00:00+01:00',
      });
      await decideAll([...april.items, ...february.items]);
      // Drafts with equal titles and meetings at equal times: pages must break ties by id.
      for (const title of ['Plan de mobilité', 'Plan de mobilité', 'Égouttage', 'Zone 30']) {
        await s.clerk.createItem({ title, category: 'VOIRIE' });
      }
      for (let i = 0; i < 3; i++) await s.clerk.meeting({ startsAt: '2026-09-14T19:30:00+02:00' });
      // A decision in the same second as another: the DECIDED_AT order breaks the tie by id.
      const twin = await s.clerk.publishedMeetingWith([{ title: 'Jumeau' }, { title: 'Jumelle' }], {
        startsAt: '2025-06-05T19:00:00+02:00',
      });
      await decideAll(twin.items);
    });

    it('searches French full text, ignoring accents and plurals', async () => {
      const titles = async (search: string) =>
        (await read(ITEMS, { filter: { search } })).items.edges.map((e: Row) => e.node.title);
      expect(await titles('budgets')).toEqual(['Budget communal 2026']);
      expect(await titles('Budget 2026')).toEqual(['Budget communal 2026']);
      expect(await titles('eglise')).toEqual(["Rénovation de l'église Saint-Loup"]);
      expect(await titles('ÉGLISES')).toEqual(["Rénovation de l'église Saint-Loup"]);
      expect(await titles('résidence')).toEqual(['Taxe sur les secondes résidences']);
      const empty = await s.namur.query(ITEMS, { filter: { search: '  !! ' } });
      expect(problemsOf(empty).fields).toEqual(['filter.search']);
    });

    it('counts decided items by month in the commune time zone, and by topic', async () => {
      const year = { decidedFrom: '2025-01-01', decidedTo: '2025-12-31' };
      const months = (await read(COUNTS_BY_MONTH, { filter: year })).itemCountsByMonth;
      // A time series: oldest month first, whatever the counts.
      expect(months).toEqual([
        { key: '2025-02', count: 1 },
        { key: '2025-04', count: 3 },
        { key: '2025-06', count: 2 },
      ]);
      const march = { decidedFrom: '2025-01-01', decidedTo: '2025-03-31' };
      expect((await read(COUNTS_BY_MONTH, { filter: march })).itemCountsByMonth).toEqual([
        { key: '2025-02', count: 1 },
      ]);
      const topics = (await read(COUNTS_BY_TOPIC, { filter: year })).itemCountsByTopic;
      expect(topics).toEqual([
        { key: '7.1', name: 'Décisions budgétaires', count: 4 },
        { key: '1.1', name: 'Marchés publics', count: 1 },
        { key: '7.2', name: 'Fiscalité', count: 1 },
      ]);
      const listed = (await read(ITEMS, { filter: year })).items;
      expect(listed.totalCount).toBe(6);
      expect((await read(COUNTS_BY_TOPIC, { communes: [LIEGE.code] })).itemCountsByTopic).toEqual(
        [],
      );
      expect((await read(COUNTS_BY_MONTH, { communes: [LIEGE.code] })).itemCountsByMonth).toEqual(
        [],
      );
    });

    it('refuses bad filters, naming every field at once, and pages above 100', async () => {
      const bad = await s.namur.query(ITEMS, {
        filter: { decidedFrom: '2025-02-30', decidedTo: 'demain', topic: 'budget' },
      });
      expect(problemsOf(bad)).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['filter.topic', 'filter.decidedFrom', 'filter.decidedTo'],
      });
      const reversed = await s.namur.query(COUNTS_BY_MONTH, {
        filter: { decidedFrom: '2025-05-01', decidedTo: '2025-04-01' },
      });
      expect(problemsOf(reversed).fields).toEqual(['filter.decidedTo']);
      const big = await s.namur.query(ITEMS, { first: 101 });
      expect(problemsOf(big)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['first'] });
      const bigMeetings = await s.namur.query(MEETINGS, { first: 101 });
      expect(problemsOf(bigMeetings).fields).toEqual(['first']);
      const garbage = await s.namur.query(ITEMS, { after: 'garbage' });
      expect(problemsOf(garbage).fields).toEqual(['after']);
      const otherOrder = encodeNodeCursor({
        order: 'TITLE',
        direction: 'ASC',
        key: ['a'],
        id: randomUUID(),
      });
      expect(problemsOf(await s.namur.query(ITEMS, { after: otherOrder })).fields).toEqual([
        'after',
      ]);
      const badMeetings = await s.namur.query(MEETINGS, {
        filter: { from: 'yesterday', organization: 'council' },
      });
      expect(problemsOf(badMeetings).fields).toEqual(['filter.organization', 'filter.from']);
    });

    it('filters meetings by organization, period and state, and names no other commune', async () => {
      const staff = await as('secretary');
      const meetings = async (filter: Row) =>
        (await read(MEETINGS, { first: 100, filter }, staff)).meetings.edges.map(
          (e: Row) => e.node,
        );
      const spring = await meetings({ from: '2025-02-10', to: '2025-04-01' });
      expect(spring.map((m: Row) => m.startsAt)).toEqual(['2025-02-10T18:00:00.000Z']);
      const april = await meetings({ from: '2025-04-01', to: '2025-04-02' });
      expect(april.map((m: Row) => m.startsAt)).toEqual(['2025-03-31T22:30:00.000Z']);
      const created = await meetings({ state: 'CREATED', organization: s.council.organization.id });
      expect(created.length).toBeGreaterThan(0);
      expect(created.every((m: Row) => m.state === 'CREATED')).toBe(true);
      expect(await meetings({ organization: s.college.organization.id })).toEqual([]);
      const other = (await read(MEETINGS, { communes: [LIEGE.code] })).meetings;
      expect(other).toMatchObject({ totalCount: 0, edges: [] });
    });

    const pageThrough = async (
      query: string,
      field: string,
      variables: Row,
      headers: Record<string, string>,
    ) => {
      const all = (await read(query, { ...variables, first: 100 }, headers))[field];
      const seen: string[] = [];
      let after: string | null = null;
      for (let round = 0; round < 100; round++) {
        const page: Row = (await read(query, { ...variables, first: 2, after }, headers))[field];
        expect(page.totalCount).toBe(all.totalCount);
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...page.edges.map((e: Row) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.edges.map((e: Row) => e.node.id));
      expect(new Set(seen).size).toBe(all.totalCount);
      return all;
    };

    it.each([
      ['TITLE', 'ASC'],
      ['CREATED_AT', 'DESC'],
      ['DECIDED_AT', 'DESC'],
      ['DECIDED_AT', 'ASC'],
    ])('pages items by %s %s with keyset cursors, each once', async (field, direction) => {
      const all = await pageThrough(
        ITEMS,
        'items',
        { orderBy: { field, direction } },
        await as('editor'),
      );
      const nodes = all.edges.map((e: Row) => e.node);
      if (field === 'DECIDED_AT') {
        expect(nodes.every((n: Row) => n.decidedAt !== null)).toBe(true);
        const decided = (await read(COUNTS_BY_MONTH, {}, await as('editor'))).itemCountsByMonth;
        expect(all.totalCount).toBe(decided.reduce((sum: number, b: Row) => sum + b.count, 0));
        const times = nodes.map((n: Row) => n.decidedAt);
        const sorted = [...times].sort();
        expect(times).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
      }
      if (field === 'TITLE') expect(all.totalCount).toBe(10);
    });

    it.each(['ASC', 'DESC'])('pages meetings by STARTS_AT %s, each once', async (direction) => {
      for (const headers of [{}, await as('secretary')]) {
        const all = await pageThrough(
          MEETINGS,
          'meetings',
          { orderBy: { field: 'STARTS_AT', direction } },
          headers,
        );
        const starts = all.edges.map((e: Row) => e.node.startsAt);
        const sorted = [...starts].sort();
        expect(starts).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
      }
    });
  });
});
