import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { snapshot } from '../support/snapshot';
import { LIEGE, NAMUR } from '../fixtures/communes';
import { ensureNamurBodies } from './council';
import {
  CATEGORIES,
  CREATE_ITEM,
  ITEM,
  ITEMS,
  ORGANIZATIONS,
  SET_CATEGORY,
  UPDATE_ITEM,
} from './operations';
import { problemsOf, TABLES, useNamur } from './suite';

type Row = Record<string, any>;

/** The commune's bodies and its categories mapped to ACTES topics. */
describe.each(testDatabaseKinds())(
  'deliberations: organizations and categories on %s',
  (database) => {
    const s = useNamur(database);
    const { as, send, read, unchanged } = s;

    describe('organizations', () => {
      it('lists the council and the college with their members; seeding twice changes nothing', async () => {
        const before = await snapshot(s.namur.db, TABLES);
        await ensureNamurBodies(s.namur);
        expect(await snapshot(s.namur.db, TABLES)).toBe(before);
        const { organizations } = await read(ORGANIZATIONS, {});
        expect(organizations.map((o: Row) => [o.kind, o.name])).toEqual([
          ['COLLEGE', 'Collège communal'],
          ['COUNCIL', 'Conseil communal'],
        ]);
        const councilRow = organizations.find((o: Row) => o.kind === 'COUNCIL');
        expect(councilRow.members).toHaveLength(7);
        const director = councilRow.members.find((m: Row) => m.role === 'directeur général');
        expect(director).toMatchObject({
          votingRight: false,
          startDate: '2024-12-02',
          endDate: null,
        });
        const mayor = councilRow.members.find((m: Row) => m.role === 'bourgmestre');
        expect(mayor.person.memberships.map((m: Row) => m.organization.name).sort()).toEqual([
          'Collège communal',
          'Conseil communal',
        ]);
        expect(s.college.members).toHaveLength(2);
        expect((await read(ORGANIZATIONS, { communes: [LIEGE.code] })).organizations).toEqual([]);
      });
    });

    describe('categories and topics', () => {
      it('lets admins set categories mapped to ACTES topics, and refuses bad ones', async () => {
        const { categories } = await read(CATEGORIES, {});
        expect(categories).toEqual(
          expect.arrayContaining([
            {
              communeCode: NAMUR.code,
              code: 'FIN-BUDGET',
              name: 'Budget et comptes',
              topic: { code: '7.1', name: 'Décisions budgétaires' },
            },
          ]),
        );
        const input = { code: 'SPORT', name: 'Sport', topic: '8.9' };
        const byEditor = await unchanged(() => send(SET_CATEGORY, { input }, {}));
        expect(problemsOf(byEditor).code).toBe('FORBIDDEN');
        const editor = await unchanged(async () =>
          send(SET_CATEGORY, { input }, await as('editor')),
        );
        expect(problemsOf(editor).code).toBe('FORBIDDEN');
        const bad = await unchanged(async () =>
          send(
            SET_CATEGORY,
            { input: { code: 'a b', name: ' ', topic: '7.99' } },
            await as('admin'),
          ),
        );
        expect(problemsOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT' });
        expect(problemsOf(bad).fields).toEqual(['input.code', 'input.name', 'input.topic']);
        const shape = await send(
          SET_CATEGORY,
          { input: { ...input, topic: '8' } },
          await as('admin'),
        );
        expect(problemsOf(shape).problems[0]?.reason).toMatch(/level-2 ACTES code/);
      });

      it("gives an item its category's topic, and moves it when the mapping changes", async () => {
        const item = await s.clerk.createItem({
          title: 'Taxe sur les mâts',
          category: 'FIN-TAXES',
        });
        expect(item.category).toMatchObject({ code: 'FIN-TAXES', topic: { code: '7.2' } });
        expect(item.topic).toEqual({ code: '7.2', name: 'Fiscalité' });
        const unknown = await unchanged(async () =>
          send(CREATE_ITEM, { input: { title: 'X', category: 'NOPE' } }, await as('editor')),
        );
        expect(problemsOf(unknown)).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: ['input.category'],
        });
        const moved = dataOf(
          await send(
            UPDATE_ITEM,
            { id: item.id, input: { category: 'VOIRIE' } },
            await as('editor'),
          ),
        ).updateItem;
        expect(moved.topic.code).toBe('8.3');
        const admin = await as('admin');
        dataOf(
          await send(
            SET_CATEGORY,
            { input: { code: 'SPORT', name: 'Sport', topic: '8.9' } },
            admin,
          ),
        );
        const sport = await s.clerk.createItem({
          title: 'Subside au club de hockey',
          category: 'SPORT',
        });
        expect(sport.topic.code).toBe('8.9');
        dataOf(
          await send(
            SET_CATEGORY,
            { input: { code: 'SPORT', name: 'Sports', topic: '7.5' } },
            admin,
          ),
        );
        const after = await read(ITEM, { communeCode: NAMUR.code, id: sport.id }, admin);
        expect(after.item.topic).toEqual({ code: '7.5', name: 'Subventions' });
        expect(after.item.category.name).toBe('Sports');
      });

      it('filters items by topic, or by its first level', async () => {
        const staff = await as('editor');
        const made = [];
        for (const category of ['FIN-BUDGET', 'FIN-TAXES', 'FIN-DIVERS', 'TRAVAUX']) {
          made.push(await s.clerk.createItem({ title: `Topic ${category}`, category }));
        }
        const topics = async (topic: string) =>
          (await read(ITEMS, { first: 100, filter: { topic, search: 'topic' } }, staff)).items.edges
            .map((e: Row) => e.node.topic.code)
            .sort();
        expect(await topics('7')).toEqual(['7.1', '7.10', '7.2']);
        expect(await topics('7.1')).toEqual(['7.1']);
        expect(await topics('1.1')).toEqual(['1.1']);
        const bad = await s.namur.query(ITEMS, { filter: { topic: '7.99' } });
        expect(problemsOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['filter.topic'] });
      });
    });
  },
);
