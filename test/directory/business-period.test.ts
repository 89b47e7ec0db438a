import { seedDirectory } from '@communes/directory';
import { createTestHubKeys, type TestHubKeys } from '../support/identities';
import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { problemsOf } from '../support/subgraph-suite';
import { snapshot } from '../support/snapshot';
import { startTestNode, type TestNode } from '../support/test-node';
import { NAMUR } from '../fixtures/communes';
import { namurBusiness } from '../fixtures/businesses';
import { CLOSE, REOPEN } from './operations';

type Row = Record<string, any>;

const FIELDS = `id status startDate endDate`;
const CREATE = `mutation($commune: ID!, $input: CreateBusinessInput!) {
  createBusiness(commune: $commune, input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($commune: ID!, $id: ID!, $input: UpdateBusinessInput!) {
  updateBusiness(commune: $commune, id: $id, input: $input) { ${FIELDS} } }`;
const ONE = `query($communeCode: ID!, $id: ID!) { business(communeCode: $communeCode, id: $id) { ${FIELDS} } }`;
const ALL = `query($first: Int, $after: String) { businesses(first: $first, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } } }`;
const CHANGES = `query($communes: [ID!], $from: String, $to: String) {
  businessChangesByMonth(communes: $communes, from: $from, to: $to) { communeCode month opened closed } }`;

/** Businesses' start and end dates: written, refused, dated on close, counted by month. */
describe.each(testDatabaseKinds())('directory: business start and end dates on %s', (database) => {
  let keys: TestHubKeys;
  let namur: TestNode;
  let editor: Record<string, string>;

  beforeAll(async () => {
    keys = await createTestHubKeys();
    namur = await startTestNode({ ...NAMUR, database, hubPublicKey: keys.publicKey });
    editor = await keys.headersFor({ [NAMUR.code]: ['editor'] });
    await seedDirectory(namur.db, namur.commune, 250, 11);
  });
  afterAll(() => namur?.close());

  const write = (query: string, variables: Row) =>
    namur.query<any>(query, { commune: NAMUR.code, ...variables }, editor);
  const unchanged = async (call: () => Promise<any>) => {
    const before = await snapshot(namur.db, ['business', 'business_activity']);
    const response = await call();
    expect(await snapshot(namur.db, ['business', 'business_activity'])).toBe(before);
    return problemsOf(response);
  };
  const read = async (id: string) =>
    dataOf(await namur.query<any>(ONE, { communeCode: NAMUR.code, id })).business as Row;

  /** Every business, read page by page over GraphQL. */
  async function everyBusiness(): Promise<Row[]> {
    const all: Row[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = dataOf(await namur.query<any>(ALL, { first: 100, after })).businesses;
      all.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) return all;
      after = page.pageInfo.endCursor;
    }
  }

  /** The months of the businesses' start and end dates, counted here from the list. */
  function expectedChanges(businesses: Row[], from = '0000-00', to = '9999-99') {
    const months = new Map<string, { opened: number; closed: number }>();
    const add = (date: string | null, change: 'opened' | 'closed') => {
      const month = date?.slice(0, 7);
      if (!month || month < from || month > to) return;
      const counts = months.get(month) ?? { opened: 0, closed: 0 };
      counts[change]++;
      months.set(month, counts);
    };
    for (const b of businesses) {
      add(b['startDate'], 'opened');
      add(b['endDate'], 'closed');
    }
    return [...months.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, counts]) => ({ communeCode: NAMUR.code, month, ...counts }));
  }

  it('seeds start dates over fifteen years and end dates to the closed businesses only', async () => {
    const all = await everyBusiness();
    expect(all).toHaveLength(250);
    expect(all.every((b) => /^\d{4}-\d{2}-\d{2}$/.test(b['startDate']))).toBe(true);
    const years = new Set(all.map((b) => b['startDate'].slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(12);
    const closed = all.filter((b) => b['status'] === 'CLOSED');
    expect(closed.length).toBeGreaterThan(10);
    expect(closed.length).toBeLessThan(60);
    for (const b of all) {
      expect(b['endDate'] !== null).toBe(b['status'] === 'CLOSED');
      if (b['endDate']) expect(b['endDate'] >= b['startDate']).toBe(true);
    }
  });

  it('counts openings and closings by month, oldest first, within the months asked', async () => {
    const all = await everyBusiness();
    const changes = dataOf(await namur.query<any>(CHANGES, {})).businessChangesByMonth;
    expect(changes).toEqual(expectedChanges(all));
    const period = { from: '2018-03', to: '2021-02' };
    const within = dataOf(await namur.query<any>(CHANGES, period)).businessChangesByMonth;
    expect(within).toEqual(expectedChanges(all, period.from, period.to));
    expect(within.length).toBeGreaterThan(0);
    const elsewhere = dataOf(await namur.query<any>(CHANGES, { communes: ['FR-59350'] }));
    expect(elsewhere.businessChangesByMonth).toEqual([]);
  });

  it('refuses a bad month, naming the argument', async () => {
    for (const [variables, field] of [
      [{ from: '2025-13' }, 'from'],
      [{ to: '2025-1' }, 'to'],
      [{ from: '2025-06', to: '2025-05' }, 'to'],
    ] as const) {
      const problems = problemsOf(await namur.query<any>(CHANGES, variables));
      expect(problems.code).toBe('BAD_USER_INPUT');
      expect(problems.fields).toEqual([field]);
    }
  });

  it('writes a start date, dates the closing, takes a corrected end date, clears it on reopening', async () => {
    const created = dataOf(
      await write(CREATE, {
        input: namurBusiness({ name: 'Atelier Vélo', startDate: '2019-04-01' }),
      }),
    ).createBusiness;
    expect(created).toMatchObject({ status: 'ACTIVE', startDate: '2019-04-01', endDate: null });
    const today = () =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    const before = today();
    const closedOn = dataOf(await write(CLOSE, { id: created.id })).closeBusiness;
    expect(closedOn.status).toBe('CLOSED');
    // Dated the day Namur closed it (the call may straddle midnight there).
    expect([before, today()]).toContain((await read(created.id))['endDate']);
    const corrected = dataOf(
      await write(UPDATE, { id: created.id, input: { endDate: '2024-06-30' } }),
    ).updateBusiness;
    expect(corrected).toMatchObject({
      status: 'CLOSED',
      startDate: '2019-04-01',
      endDate: '2024-06-30',
    });
    const changes = dataOf(
      await namur.query<any>(CHANGES, { from: '2024-06', to: '2024-06' }),
    ).businessChangesByMonth;
    expect(changes).toEqual(expectedChanges(await everyBusiness(), '2024-06', '2024-06'));
    expect(changes[0].closed).toBeGreaterThanOrEqual(1);
    dataOf(await write(REOPEN, { id: created.id }));
    expect(await read(created.id)).toMatchObject({ status: 'ACTIVE', endDate: null });
  });

  it('refuses bad dates, an end date while ACTIVE and an end before the start, writing nothing', async () => {
    const refusedCreate = async (input: Row) =>
      unchanged(() => write(CREATE, { input: namurBusiness({ name: 'Refusée', ...input }) }));
    for (const [input, field] of [
      [{ startDate: '2019-02-30' }, 'input.startDate'],
      [{ startDate: '01/04/2019' }, 'input.startDate'],
      [{ endDate: '2024-06-30' }, 'input.endDate'],
    ] as const) {
      const problems = await refusedCreate(input);
      expect(problems.code).toBe('BAD_USER_INPUT');
      expect(problems.fields).toEqual([field]);
    }
    const shop = dataOf(
      await write(CREATE, {
        input: namurBusiness({ name: 'Quincaillerie', startDate: '2015-09-01' }),
      }),
    ).createBusiness;
    const active = await unchanged(() =>
      write(UPDATE, { id: shop.id, input: { endDate: '2020-01-01' } }),
    );
    expect(active.fields).toEqual(['input.endDate']);
    expect(active.problems[0]!.reason).toMatch(/only a CLOSED business/);
    dataOf(await write(CLOSE, { id: shop.id }));
    const early = await unchanged(() =>
      write(UPDATE, { id: shop.id, input: { endDate: '2015-08-31' } }),
    );
    expect(early.fields).toEqual(['input.endDate']);
    expect(early.problems[0]!.reason).toMatch(/before input.startDate \(2015-09-01\)/);
    const later = await unchanged(() =>
      write(UPDATE, { id: shop.id, input: { startDate: '2030-02-31' } }),
    );
    expect(later.fields).toEqual(['input.startDate']);
  });
});
