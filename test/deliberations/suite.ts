import type { EnsuredOrganization } from '@communes/deliberations';
import type { DatabaseKind } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { useSubgraphCalls, type SubgraphCalls } from '../support/subgraph-suite';
import { NAMUR } from '../fixtures/communes';
import { Clerk } from './clerk';
import { ensureNamurBodies, personIds } from './council';
import { SET_CATEGORY } from './operations';
import { startDeliberationsNode, type DeliberationsNode } from './support';

export { problemsOf } from '../support/subgraph-suite';

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

export interface NamurSuite extends SubgraphCalls {
  /** Filled once the suite's `beforeAll` has run. */
  namur: DeliberationsNode;
  council: EnsuredOrganization;
  college: EnsuredOrganization;
  /** Council members' person ids by family name. */
  people: Record<string, string>;
  clerk: Clerk;
}

/**
 * Namur's node on a fresh database, with its council, college and categories, started before
 * the tests of the calling describe block and stopped after them.
 */
export function useNamur(database: DatabaseKind): NamurSuite {
  const suite = {} as NamurSuite;
  const keys = useSubgraphCalls(suite, {
    commune: NAMUR.code,
    tables: TABLES,
    db: () => suite.namur.db,
    post: (query, variables, headers) => suite.namur.query(query, variables, headers),
  });
  beforeAll(async () => {
    suite.namur = await startDeliberationsNode({
      ...NAMUR,
      database,
      hubPublicKey: keys().publicKey,
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
