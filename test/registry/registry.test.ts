import { CircuitBreaker } from '@communes/hub/src/executor/circuit-breaker';
import { createRegistry, type Registry } from '@communes/hub/src/registry';
import { createTestHubKeys, type TestHubKeys } from '../support/identities';
import { testDatabaseKinds } from '../support/databases';
import { dataOf, type GraphQLResponse } from '../support/graphql-client';
import { snapshot } from '../support/snapshot';
import { startTestNode, type TestNode } from '../support/test-node';
import { CHARLEROI, LIEGE, LILLE, NAMUR } from '../fixtures/communes';
import {
  COMMUNE,
  COMMUNES,
  ENTITIES,
  REGISTER,
  REINSTATE,
  REMOVE,
  SUSPEND,
  UPDATE_ENDPOINTS,
} from './operations';
import { startTestRegistry, type TestRegistry } from './registry-server';
import {
  editedDirectorySdl,
  startApolloSubgraph,
  startDriftingSubgraph,
  unusedUrl,
  type DriftingSubgraph,
  type FakeSubgraph,
} from './subgraph-servers';
import { contractSdl } from '@communes/schema';

/** A commune as the tests read it: the fields they look into, typed. */
interface Commune {
  code: string;
  joinedAt: string;
  health: Record<string, unknown>[];
  [field: string]: unknown;
}

/** The problems of a refused write, as `extensions.problems` lists them. */
function problemsOf(response: GraphQLResponse): { field: string; reason: string }[] {
  const error = response.errors?.[0];
  expect(error?.extensions?.['code']).toBe('BAD_USER_INPUT');
  return error?.extensions?.['problems'] as { field: string; reason: string }[];
}

function codeOf(response: GraphQLResponse): unknown {
  return response.errors?.[0]?.extensions?.['code'];
}

describe.each(testDatabaseKinds())('registry on %s', (database) => {
  let keys: TestHubKeys;
  let hub: TestRegistry;
  let breaker: CircuitBreaker;
  let namur: TestNode;
  let liege: TestNode;
  let liegeMoved: TestNode;
  let lille: TestNode;
  let admin: Record<string, string>;

  beforeAll(async () => {
    keys = await createTestHubKeys();
    breaker = new CircuitBreaker({ failureThreshold: 2, openMs: 60_000 });
    [hub, namur, liege, liegeMoved, lille] = await Promise.all([
      startTestRegistry({
        database,
        publicKey: keys.publicKey,
        registry: { circuitOf: (code) => breaker.stateOf(code), contract: { timeoutMs: 2_000 } },
      }),
      startTestNode({ ...NAMUR, database }),
      startTestNode({ ...LIEGE, database }),
      startTestNode({ ...LIEGE, database }),
      startTestNode({ ...LILLE, database }),
    ]);
    admin = await keys.headersFor({ hub: ['admin'] }, 'admin@hub.test');
  });
  const stopped = new Set<TestNode>();
  afterAll(async () => {
    const nodes = [namur, liege, liegeMoved, lille].filter((node) => node && !stopped.has(node));
    await Promise.all([hub?.close(), ...nodes.map((node) => node.close())]);
  });

  const directoryAt = (url: string) => [{ name: 'directory', url }];
  const namurInput = () => ({
    code: NAMUR.code,
    name: 'Namur',
    names: { fr: 'Namur', nl: 'Namen', de: 'Namür', en: null },
    region: 'Wallonie',
    website: 'https://www.namur.be',
    subgraphs: directoryAt(namur.endpoint()),
  });
  const send = async <T = Record<string, Commune>>(
    query: string,
    variables: Record<string, unknown>,
    headers = admin,
  ) => hub.query<T>(query, variables, headers);
  const ok = async (query: string, variables: Record<string, unknown>): Promise<Commune> =>
    Object.values(dataOf(await send(query, variables)))[0]!;
  /** Sends a write that must be refused, and checks that it changed nothing. */
  const refused = async (
    query: string,
    variables: Record<string, unknown>,
    headers = admin,
  ): Promise<GraphQLResponse> => {
    const before = await snapshot(hub.db, ['commune']);
    const membership = hub.registry.membership.serving('directory');
    const response = await send(query, variables, headers);
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(response.data ?? null).toBeNull();
    expect(await snapshot(hub.db, ['commune'])).toBe(before);
    expect(hub.registry.membership.serving('directory')).toEqual(membership);
    return response;
  };
  const serving = () => hub.registry.membership.serving('directory');

  describe('registration', () => {
    it('registers a commune whose endpoint serves the contract, and routes to it at once', async () => {
      const before = Date.now();
      const namurCommune = await ok(REGISTER, { input: namurInput() });
      expect(namurCommune).toEqual({
        code: NAMUR.code,
        name: 'Namur',
        names: { fr: 'Namur', nl: 'Namen', de: 'Namür', en: null },
        country: 'BE',
        region: 'Wallonie',
        website: 'https://www.namur.be',
        status: 'ACTIVE',
        subgraphs: [{ name: 'directory', url: namur.endpoint() }],
        servesDirectory: true,
        joinedAt: expect.any(String),
        suspendedReason: null,
        health: [
          {
            subgraph: 'directory',
            status: 'UNKNOWN',
            latencyMs: null,
            checkedAt: null,
            lastError: null,
            contract: 'UNKNOWN',
            contractDifferences: [],
            circuit: { state: 'CLOSED', consecutiveFailures: 0, openedAt: null },
          },
        ],
      });
      expect(Date.parse(namurCommune.joinedAt)).toBeGreaterThanOrEqual(before - 1_000);
      expect(serving()).toEqual([{ code: NAMUR.code, url: namur.endpoint() }]);
      const read = dataOf(await send<{ commune: Commune }>(COMMUNE, { code: NAMUR.code }, {}));
      expect(read.commune).toEqual(namurCommune);
    });

    it('refuses callers who are not hub administrators', async () => {
      const input = { ...namurInput(), code: LIEGE.code, subgraphs: directoryAt(liege.endpoint()) };
      const callers = [
        {},
        await keys.headersFor({ [LIEGE.code]: ['admin'] }, undefined, 'hub'),
        await keys.headersFor({ hub: ['editor'] }),
      ];
      for (const headers of callers) {
        expect(codeOf(await refused(REGISTER, { input }, headers))).toBe('FORBIDDEN');
      }
    });

    it('reports every invalid field at once and stores nothing', async () => {
      const response = await refused(REGISTER, {
        input: {
          code: 'BE-123',
          name: '  ',
          names: { fr: '', nl: 'N'.repeat(101) },
          region: 'R'.repeat(101),
          website: 'ftp://namur.be',
          subgraphs: [
            { name: 'parking', url: namur.endpoint('parking') },
            { name: 'directory', url: 'namur.be/directory/graphql' },
            { name: 'directory', url: 'http://user:secret@namur.be/directory/graphql' },
          ],
        },
      });
      expect(problemsOf(response)).toEqual([
        { field: 'input.code', reason: expect.stringMatching(/BE- followed by/) },
        { field: 'input.name', reason: 'must not be empty' },
        { field: 'input.names.fr', reason: expect.stringMatching(/must not be empty/) },
        { field: 'input.names.nl', reason: 'must be at most 100 characters' },
        { field: 'input.region', reason: 'must be at most 100 characters' },
        { field: 'input.website', reason: expect.stringMatching(/http or https.*ftp:/) },
        {
          field: 'input.subgraphs[0].name',
          reason: expect.stringMatching(/contract: (\w+, )*directory(, \w+)*$/),
        },
        { field: 'input.subgraphs[1].url', reason: 'must be an absolute http or https URL' },
        { field: 'input.subgraphs[2].name', reason: 'directory is listed more than once' },
        { field: 'input.subgraphs[2].url', reason: expect.stringMatching(/password/) },
      ]);
      expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'input.code' });
    });

    it('refuses a country that does not match the code, and an empty endpoint list', async () => {
      const mismatch = await refused(REGISTER, {
        input: {
          code: LILLE.code,
          name: 'Lille',
          country: 'BE',
          subgraphs: directoryAt(lille.endpoint()),
        },
      });
      expect(problemsOf(mismatch)).toEqual([
        { field: 'input.country', reason: `must match the code's prefix: ${LILLE.code} is in FR` },
      ]);
      const empty = await refused(REGISTER, {
        input: { code: LILLE.code, name: 'Lille', subgraphs: [] },
      });
      expect(problemsOf(empty)).toEqual([
        { field: 'input.subgraphs', reason: 'must list at least one subgraph endpoint' },
      ]);
    });

    it('refuses a code already registered, naming its status', async () => {
      const response = await refused(REGISTER, { input: namurInput() });
      expect(problemsOf(response)).toEqual([
        {
          field: 'input.code',
          reason: expect.stringMatching(/already registered \(status ACTIVE\)/),
        },
      ]);
    });

    describe('contract compatibility', () => {
      let withoutName: FakeSubgraph;
      let retyped: FakeSubgraph;
      beforeAll(async () => {
        [withoutName, retyped] = await Promise.all([
          startApolloSubgraph(editedDirectorySdl(/\n {2}"[^"\n]*"\n {2}name: String!\n/, '\n')),
          startApolloSubgraph(
            editedDirectorySdl(
              /(businesses\(\n\s+"[^"\n]*"\n\s+)communes: \[ID!\]/,
              '$1communes: [String!]',
            ),
          ),
        ]);
      });
      afterAll(() => Promise.all([withoutName?.close(), retyped?.close()]));

      it('refuses endpoints whose SDL breaks the contract, listing the differences', async () => {
        const response = await refused(REGISTER, {
          input: {
            code: LIEGE.code,
            name: 'Liège',
            subgraphs: directoryAt(withoutName.url),
          },
        });
        const [problem, ...others] = problemsOf(response);
        expect(others).toEqual([]);
        expect(problem!.field).toBe('input.subgraphs[0].url');
        expect(problem!.reason).toMatch(/incompatible with the directory contract/);
        expect(problem!.reason).toContain("Field 'name' was removed from object type 'Business'");

        const retypedResponse = await refused(REGISTER, {
          input: { code: LIEGE.code, name: 'Liège', subgraphs: directoryAt(retyped.url) },
        });
        expect(problemsOf(retypedResponse)[0]!.reason).toContain(
          "Type for argument 'communes' on field 'Query.businesses' changed from '[ID!]' to '[String!]'",
        );
      });

      it('refuses an unreachable endpoint', async () => {
        const response = await refused(REGISTER, {
          input: { code: LIEGE.code, name: 'Liège', subgraphs: directoryAt(await unusedUrl()) },
        });
        expect(problemsOf(response)).toEqual([
          {
            field: 'input.subgraphs[0].url',
            reason: 'does not answer as a subgraph (no valid `_service { sdl }` from it)',
          },
        ]);
      });

      it('refuses an incompatible new endpoint of a registered commune', async () => {
        const response = await refused(UPDATE_ENDPOINTS, {
          code: NAMUR.code,
          subgraphs: directoryAt(withoutName.url),
        });
        expect(problemsOf(response)).toEqual([
          {
            field: 'subgraphs[0].url',
            reason: expect.stringContaining("Field 'name' was removed"),
          },
        ]);
      });
    });
  });

  describe('queries', () => {
    beforeAll(async () => {
      await ok(REGISTER, {
        input: {
          code: LILLE.code,
          name: 'Lille',
          region: 'Hauts-de-France',
          subgraphs: directoryAt(lille.endpoint()),
        },
      });
    });

    it('registers a code only once when two administrators race', async () => {
      const input = {
        code: LIEGE.code,
        name: 'Liège',
        names: { fr: 'Liège', nl: 'Luik' },
        subgraphs: directoryAt(liege.endpoint()),
      };
      const answers = await Promise.all([send(REGISTER, { input }), send(REGISTER, { input })]);
      const [won, lost] = answers[0]!.errors
        ? [answers[1]!, answers[0]!]
        : [answers[0]!, answers[1]!];
      expect(won.errors).toBeUndefined();
      expect(problemsOf(lost)).toEqual([
        { field: 'input.code', reason: expect.stringMatching(/already registered/) },
      ]);
    });

    const codes = async (filter?: Record<string, unknown>) =>
      dataOf(await send<{ communes: Commune[] }>(COMMUNES, { filter }, {})).communes.map(
        (c) => c.code,
      );

    it('lists every commune in code order, and filters by country and subgraph', async () => {
      expect(await codes()).toEqual([LIEGE.code, NAMUR.code, LILLE.code]);
      expect(await codes({ country: 'FR' })).toEqual([LILLE.code]);
      expect(await codes({ country: 'BE', status: 'ACTIVE' })).toEqual([LIEGE.code, NAMUR.code]);
      expect(await codes({ serves: 'directory' })).toEqual([LIEGE.code, NAMUR.code, LILLE.code]);
      const unknown = await send(COMMUNES, { filter: { serves: 'weather' } }, {});
      expect(problemsOf(unknown)).toEqual([
        { field: 'filter.serves', reason: expect.stringMatching(/directory/) },
      ]);
    });

    it('answers null for a code it does not know', async () => {
      expect(dataOf(await send(COMMUNE, { code: CHARLEROI.code }, {})).commune).toBeNull();
      expect(dataOf(await send(COMMUNE, { code: 'not-a-code' }, {})).commune).toBeNull();
    });

    it('resolves Commune references for the gateway, in the order asked', async () => {
      const representations = [LILLE.code, CHARLEROI.code, NAMUR.code].map((code) => ({
        __typename: 'Commune',
        code,
      }));
      const { _entities } = dataOf(
        await send<{ _entities: unknown[] }>(ENTITIES, { representations }, {}),
      );
      expect(_entities).toEqual([
        { code: LILLE.code, name: 'Lille', status: 'ACTIVE' },
        null,
        { code: NAMUR.code, name: 'Namur', status: 'ACTIVE' },
      ]);
    });

    it('routes to every active commune serving the subgraph, in code order', () => {
      expect(serving()).toEqual([
        { code: LIEGE.code, url: liege.endpoint() },
        { code: NAMUR.code, url: namur.endpoint() },
        { code: LILLE.code, url: lille.endpoint() },
      ]);
      expect(hub.registry.membership.serving('deliberations')).toEqual([]);
      expect(hub.registry.membership.size()).toBe(3);
    });
  });

  describe('endpoint change', () => {
    it('moves a commune to its new endpoint and routes there at once', async () => {
      const moved = await ok(UPDATE_ENDPOINTS, {
        code: LIEGE.code,
        subgraphs: directoryAt(liegeMoved.endpoint()),
      });
      expect(moved).toMatchObject({
        code: LIEGE.code,
        status: 'ACTIVE',
        subgraphs: directoryAt(liegeMoved.endpoint()),
      });
      expect(serving()).toContainEqual({ code: LIEGE.code, url: liegeMoved.endpoint() });
      expect(serving()).not.toContainEqual({ code: LIEGE.code, url: liege.endpoint() });
    });

    it('refuses a bad code, bad endpoints and unknown communes, and non-administrators', async () => {
      const bad = await refused(UPDATE_ENDPOINTS, {
        code: 'BE92094',
        subgraphs: [{ name: 'directory', url: 'mailto:it@namur.be' }],
      });
      expect(problemsOf(bad).map((p) => p.field)).toEqual(['code', 'subgraphs[0].url']);
      const unknown = await refused(UPDATE_ENDPOINTS, {
        code: CHARLEROI.code,
        subgraphs: directoryAt(namur.endpoint()),
      });
      expect(codeOf(unknown)).toBe('NOT_FOUND');
      const anonymous = await refused(
        UPDATE_ENDPOINTS,
        { code: LIEGE.code, subgraphs: directoryAt(liege.endpoint()) },
        {},
      );
      expect(codeOf(anonymous)).toBe('FORBIDDEN');
    });
  });

  describe('status transitions', () => {
    it('suspends an active commune, which stops routing to it', async () => {
      const suspended = await ok(SUSPEND, { code: LILLE.code, reason: '  Unpaid membership fee ' });
      expect(suspended).toMatchObject({
        status: 'SUSPENDED',
        suspendedReason: 'Unpaid membership fee',
      });
      expect(serving().map((m) => m.code)).toEqual([LIEGE.code, NAMUR.code]);
      const list = dataOf(
        await send<{ communes: Commune[] }>(COMMUNES, { filter: { status: 'SUSPENDED' } }, {}),
      );
      expect(list.communes.map((c) => c.code)).toEqual([LILLE.code]);
    });

    it('refuses illegal transitions, naming the current status', async () => {
      const again = await refused(SUSPEND, { code: LILLE.code, reason: 'twice' });
      expect(problemsOf(again)).toEqual([
        {
          field: 'code',
          reason: 'cannot be suspended: its status is SUSPENDED; only ACTIVE communes can be',
        },
      ]);
      const active = await refused(REINSTATE, { code: NAMUR.code });
      expect(problemsOf(active)[0]!.reason).toMatch(/its status is ACTIVE/);
      const noReason = await refused(SUSPEND, { code: NAMUR.code, reason: ' ' });
      expect(problemsOf(noReason)).toEqual([{ field: 'reason', reason: 'must not be empty' }]);
      const both = await refused(SUSPEND, { code: LILLE.code, reason: '' });
      expect(problemsOf(both).map((p) => p.field)).toEqual(['code', 'reason']);
      expect(codeOf(await refused(SUSPEND, { code: CHARLEROI.code, reason: 'x' }))).toBe(
        'NOT_FOUND',
      );
      expect(problemsOf(await refused(REMOVE, { code: 'FR-1' }))[0]!.field).toBe('code');
      const clerk = await keys.headersFor({ [LILLE.code]: ['admin'] }, undefined, 'hub');
      expect(codeOf(await refused(REINSTATE, { code: LILLE.code }, clerk))).toBe('FORBIDDEN');
    });

    it('reinstates a suspended commune, which is routed to again', async () => {
      const reinstated = await ok(REINSTATE, { code: LILLE.code });
      expect(reinstated).toMatchObject({ status: 'ACTIVE', suspendedReason: null });
      expect(serving().map((m) => m.code)).toEqual([LIEGE.code, NAMUR.code, LILLE.code]);
    });

    it('removes a commune, keeping its endpoints, and lets it register again', async () => {
      const first = await ok(COMMUNE, { code: LILLE.code });
      const left = await ok(REMOVE, { code: LILLE.code });
      expect(left).toMatchObject({ status: 'LEFT', subgraphs: directoryAt(lille.endpoint()) });
      expect(serving().map((m) => m.code)).toEqual([LIEGE.code, NAMUR.code]);

      expect(problemsOf(await refused(REMOVE, { code: LILLE.code }))[0]!.reason).toMatch(
        /its status is LEFT/,
      );
      expect(problemsOf(await refused(REINSTATE, { code: LILLE.code }))[0]!.reason).toMatch(
        /its status is LEFT/,
      );
      expect(
        problemsOf(await refused(SUSPEND, { code: LILLE.code, reason: 'x' }))[0]!.reason,
      ).toMatch(/status is LEFT/);
      const moveLeft = await refused(UPDATE_ENDPOINTS, {
        code: LILLE.code,
        subgraphs: directoryAt(lille.endpoint()),
      });
      expect(problemsOf(moveLeft)).toEqual([
        { field: 'code', reason: expect.stringMatching(/has left/) },
      ]);

      const back = await ok(REGISTER, {
        input: { code: LILLE.code, name: 'Lille', subgraphs: directoryAt(lille.endpoint()) },
      });
      expect(back).toMatchObject({ status: 'ACTIVE', region: null, suspendedReason: null });
      expect(Date.parse(back.joinedAt)).toBeGreaterThanOrEqual(Date.parse(first.joinedAt));
      expect(serving().map((m) => m.code)).toEqual([LIEGE.code, NAMUR.code, LILLE.code]);
    });

    it('removes a suspended commune too', async () => {
      await ok(SUSPEND, { code: LIEGE.code, reason: 'Node moving' });
      const left = await ok(REMOVE, { code: LIEGE.code });
      expect(left).toMatchObject({ status: 'LEFT', suspendedReason: null });
      await ok(REGISTER, {
        input: { code: LIEGE.code, name: 'Liège', subgraphs: directoryAt(liegeMoved.endpoint()) },
      });
    });
  });

  describe('membership across hub replicas', () => {
    let replica: Registry;
    beforeAll(async () => {
      replica = await createRegistry({ db: hub.db, pollMs: 50, healthIntervalMs: 0 });
    });
    afterAll(() => replica?.stop());

    it('picks up changes made through another replica by polling', async () => {
      expect(replica.membership.serving('directory')).toEqual(serving());
      await ok(SUSPEND, { code: NAMUR.code, reason: 'Maintenance' });
      await waitFor(
        () => !replica.membership.serving('directory').some((m) => m.code === NAMUR.code),
      );
      await ok(REINSTATE, { code: NAMUR.code });
      await waitFor(() =>
        replica.membership.serving('directory').some((m) => m.code === NAMUR.code),
      );
      expect(replica.membership.serving('directory')).toEqual(serving());
    });
  });

  describe('health', () => {
    let drifting: DriftingSubgraph;
    beforeAll(async () => {
      drifting = await startDriftingSubgraph(contractSdl('directory'));
      await ok(REGISTER, {
        input: { code: CHARLEROI.code, name: 'Charleroi', subgraphs: directoryAt(drifting.url) },
      });
    });
    afterAll(() => drifting?.close());

    const healthOf = async (code: string) => (await ok(COMMUNE, { code })).health[0];

    it('marks every answering endpoint UP and compatible', async () => {
      await hub.registry.healthChecker.checkNow();
      for (const code of [LIEGE.code, NAMUR.code, LILLE.code, CHARLEROI.code]) {
        expect(await healthOf(code)).toMatchObject({
          subgraph: 'directory',
          status: 'UP',
          latencyMs: expect.any(Number),
          checkedAt: expect.any(String),
          lastError: null,
          contract: 'COMPATIBLE',
          contractDifferences: [],
        });
      }
    });

    it('flags an endpoint whose SDL drifted from the contract', async () => {
      drifting.serve(editedDirectorySdl(/\n {2}"[^"\n]*"\n {2}name: String!\n/, '\n'));
      await hub.registry.healthChecker.checkNow();
      expect(await healthOf(CHARLEROI.code)).toMatchObject({
        status: 'UP',
        contract: 'INCOMPATIBLE',
        contractDifferences: ["Field 'name' was removed from object type 'Business'"],
      });
    });

    it('marks a stopped node DOWN and shows the open circuit', async () => {
      await lille.close();
      stopped.add(lille);
      await hub.registry.healthChecker.checkNow();
      breaker.failed(LILLE.code);
      breaker.failed(LILLE.code);
      expect(await healthOf(LILLE.code)).toMatchObject({
        status: 'DOWN',
        latencyMs: null,
        lastError: expect.stringMatching(/\/health: connection failed/),
        contract: 'UNKNOWN',
        circuit: { state: 'OPEN', consecutiveFailures: 2, openedAt: expect.any(String) },
      });
      expect(await healthOf(NAMUR.code)).toMatchObject({
        status: 'UP',
        circuit: { state: 'CLOSED' },
      });
    });

    it('forgets the health of an endpoint that was replaced', async () => {
      const moved = await ok(UPDATE_ENDPOINTS, {
        code: NAMUR.code,
        subgraphs: directoryAt(liege.endpoint()),
      });
      expect(moved.health[0]).toMatchObject({ status: 'UNKNOWN', checkedAt: null });
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
