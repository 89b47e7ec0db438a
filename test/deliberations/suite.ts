import type { EnsuredOrganization } from '@communes/deliberations';
import { createTestHubKeys, type TestHubKeys } from '../support/identities';
import type { DatabaseKind } from '../support/databases';
import { dataOf, type GraphQLResponse } from '../support/graphql-client';
import { snapshot } from '../support/snapshot';
import { NAMUR } from '../fixtures/communes';
import { Clerk, type StaffRole } from './clerk';
import { ensureNamurBodies, personIds } from './council';
import { SET_CATEGORY } from './operations';
import { startDeliberationsNode, type DeliberationsNode } from './support';

type Row = Record<string, any>;
type Headers = Record<string, string>;

/** Every table of the subgraph: a refused write must leave all of them as they were. */
export const TABLES = [
  'organization',
  'person',
  'membership',
  'category',
  'meeting',
  'item',
  'item_transition',
  'vote',
  'voter',
  'attachment',
];

export const CATEGORY_FIXTURES = [
  { code: 'FIN-BUDGET', name: 'Budget et comptes', topic: '7.1' },
  { code: 'FIN-TAXES', name: 'Taxes et redevances', topic: '7.2' },
  { code: 'FIN-DIVERS', name: 'Finances: divers', topic: '7.10' },
  { code: 'TRAVAUX', name: 'Marchés de travaux', topic: '1.1' },
  { code: 'VOIRIE', name: 'Voirie', topic: '8.3' },
];

/** The problems of a refused request: its code, and each field with its reason. */
export function problemsOf(response: GraphQLResponse<unknown>) {
  const extensions = response.errors?.[0]?.extensions ?? {};
  const problems = (extensions['problems'] ?? []) as { field: string; reason: string }[];
  return { code: extensions['code'], problems, fields: problems.map((p) => p.field) };
}

export interface NamurSuite {
  /** Filled once the suite's `beforeAll` has run. */
  namur: DeliberationsNode;
  council: EnsuredOrganization;
  college: EnsuredOrganization;
  /** Council members' person ids by family name. */
  people: Record<string, string>;
  clerk: Clerk;
  /** Hub-signed headers of a user holding `role` in `commune`; subject `<role>@<commune>.example`. */
  as(role: StaffRole, commune?: string): Promise<Headers>;
  /** A mutation on Namur: `commune` is filled in. */
  send(query: string, variables: Row, headers?: Headers): Promise<GraphQLResponse<any>>;
  /** A query that must succeed: its data. */
  read(query: string, variables: Row, headers?: Headers): Promise<any>;
  /** Runs a write that must be refused, and checks that no table changed. */
  unchanged(write: () => Promise<GraphQLResponse<any>>): Promise<GraphQLResponse<any>>;
}

/**
 * Namur's node on a fresh database, with its council, college and categories, started before
 * the tests of the calling describe block and stopped after them.
 */
export function useNamur(database: DatabaseKind): NamurSuite {
  let keys: TestHubKeys;
  const suite = {
    as: (role: StaffRole, commune: string = NAMUR.code) =>
      keys.headersFor({ [commune]: [role] }, `${role}@${commune.toLowerCase()}.example`),
    send: (query: string, variables: Row, headers: Headers = {}) =>
      suite.namur.query(query, { commune: NAMUR.code, ...variables }, headers),
    read: async (query: string, variables: Row, headers: Headers = {}) =>
      dataOf(await suite.namur.query<any>(query, variables, headers)),
    unchanged: async (write: () => Promise<GraphQLResponse<any>>) => {
      const before = await snapshot(suite.namur.db, TABLES);
      const response = await write();
      expect(await snapshot(suite.namur.db, TABLES)).toBe(before);
      return response;
    },
  } as NamurSuite;

  beforeAll(async () => {
    keys = await createTestHubKeys();
    suite.namur = await startDeliberationsNode({
      ...NAMUR,
      database,
      hubPublicKey: keys.publicKey,
    });
    Object.assign(suite, await ensureNamurBodies(suite.namur));
    suite.people = personIds(suite.council);
    for (const input of CATEGORY_FIXTURES) {
      dataOf(await suite.send(SET_CATEGORY, { input }, await suite.as('admin')));
    }
    suite.clerk = new Clerk(suite.namur, (role) => suite.as(role), suite.council.organization.id);
  });
  afterAll(() => suite.namur?.close());
  return suite;
}
