import express from 'express';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { countryOf, silentLogger, type NodeCommune, type SubgraphModule } from '@communes/kit';
import { deliberations, PERSONAL_DATA_PLACEHOLDER } from '@communes/deliberations';
import { createExportRouter, type ExportRouterOptions } from '@communes/deliberations/src/export';
import { seedDeliberations } from '@communes/deliberations/src/seed';
import { startNode, type RunningNode } from '@communes/node';
import { createTestDatabase, testDatabaseKinds, type DatabaseKind } from '../support/databases';
import { dataOf, postGraphQL } from '../support/graphql-client';
import { createTestHubKeys, type TestHubKeys } from '../support/identities';
import { LILLE, NAMUR } from '../fixtures/communes';
import {
  ACTES_FIRST_LEVEL,
  DELIBERATIONS_SCHEMA,
  schemaProblems,
} from '../fixtures/scdl/scdl-schema';

/** A well-formed SIRET (14 digits, Luhn) standing for Lille's. */
const LILLE_SIRET = '21590350100017';
/** A well-formed KBO/BCE number (mod 97) standing for Namur's. */
const NAMUR_KBO = '0216.689.981';
const NAMUR_ITEM_URL = 'https://www.namur.be/deliberations/{id}';

/** Seeded meetings; the export asks for a period inside, so that some decisions fall outside. */
const SEEDED = { from: '2025-01-01', to: '2025-04-30' };
const PERIOD = { from: '2025-02-01', to: '2025-03-31' };
const EXPORTED_STATES = ['ACCEPTED', 'ACCEPTED_BUT_MODIFIED', 'REFUSED'];

type Csv = Record<string, string>[];
type Row = Record<string, any>;

interface ExportNode extends RunningNode {
  commune: NodeCommune;
  gql<T = Row>(query: string, variables?: Row, headers?: Record<string, string>): Promise<T>;
  csv(query: string): Promise<Response>;
}

async function startExportNode(
  fixture: { code: string; name: string },
  database: DatabaseKind,
  keys: TestHubKeys,
  scdl: Omit<ExportRouterOptions, 'db' | 'commune' | 'logger'>,
): Promise<ExportNode> {
  const target = await createTestDatabase(database);
  const commune = { ...fixture, country: countryOf(fixture.code) };
  // The deliberations module with the export mounted as the node will mount it.
  const module: SubgraphModule = {
    ...deliberations,
    routes: (deps) => createExportRouter({ ...deps, ...scdl }),
  };
  const node = await startNode({
    commune,
    database: target.target,
    subgraphs: [module],
    port: 0,
    hubPublicKey: keys.publicKey,
    logger: silentLogger,
  });
  return {
    ...node,
    commune,
    gql: async (query, variables, headers) =>
      dataOf(await postGraphQL(`${node.url}/deliberations/graphql`, query, variables, headers)),
    csv: (query) => fetch(`${node.url}/deliberations/export/scdl.csv?${query}`),
    async close() {
      await node.close();
      await target.drop();
    },
  };
}

const ITEMS = `query Items($communes: [ID!], $filter: ItemFilter, $after: String) {
  items(communes: $communes, filter: $filter, orderBy: { field: DECIDED_AT, direction: ASC },
        first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id title state public decidedAt topic { code }
      meeting { organization { kind } } votes { pollType present yes no abstain } } }
  } }`;

/** Every decided item an anonymous client sees in the period, through the public GraphQL API. */
async function publicDecisions(node: ExportNode, from: string, to: string): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const { items }: { items: Row } = await node.gql<{ items: Row }>(ITEMS, {
      communes: [node.commune.code],
      filter: { decidedFrom: from, decidedTo: to },
      after,
    });
    rows.push(...items['edges'].map((e: Row) => e['node']));
    if (!items['pageInfo']['hasNextPage']) return rows;
    after = items['pageInfo']['endCursor'];
  }
}

/** A council decision recorded over GraphQL, as a secretariat would: the owner is named in the title. */
async function decideNamedAcquisition(node: ExportNode, keys: TestHubKeys): Promise<string> {
  const admin = async () => keys.headersFor({ [node.commune.code]: ['admin'] });
  const commune = node.commune.code;
  const { organizations } = await node.gql<{ organizations: Row[] }>(
    `query { organizations(communes: ["${commune}"]) { id kind } }`,
  );
  const council = organizations.find((o) => o['kind'] === 'COUNCIL')!['id'];
  const call = async (query: string, variables: Row) =>
    Object.values(await node.gql<Row>(query, { commune, ...variables }, await admin()))[0] as Row;
  const meeting = await call(
    `mutation($commune: ID!, $input: CreateMeetingInput!) { createMeeting(commune: $commune, input: $input) { id } }`,
    {
      input: {
        organization: council,
        title: 'Conseil municipal du 20 mars 2025 (séance extraordinaire)',
        startsAt: '2025-03-20T18:00:00+01:00',
      },
    },
  );
  const item = await call(
    `mutation($commune: ID!, $input: CreateItemInput!) { createItem(commune: $commune, input: $input) { id } }`,
    {
      input: {
        title:
          'Acquisition du bien sis rue Nationale 12 appartenant à [[personal: Monsieur Jean Dupont]]',
        decision: "D'acquérir de [[personal: Monsieur Jean Dupont]] le bien sis rue Nationale 12.",
        category: 'PAT-ACQUISITION',
        public: true,
      },
    },
  );
  const id = item['id'];
  const step = (name: string) =>
    call(`mutation($commune: ID!, $id: ID!) { ${name}(commune: $commune, id: $id) { id } }`, {
      id,
    });
  const move = (to: string) =>
    call(
      `mutation($commune: ID!, $id: ID!, $to: MeetingState!) { transitionMeeting(commune: $commune, id: $id, to: $to) { id } }`,
      { id: meeting['id'], to },
    );
  await step('proposeItem');
  await step('validateItem');
  await call(
    `mutation($commune: ID!, $id: ID!, $meeting: ID!) { presentItem(commune: $commune, id: $id, meeting: $meeting) { id } }`,
    { id, meeting: meeting['id'] },
  );
  await call(
    `mutation($commune: ID!, $item: ID!, $input: AttachmentInput!) { addAttachment(commune: $commune, item: $item, input: $input) { id } }`,
    {
      item: id,
      input: {
        name: 'Délibération signée',
        mimeType: 'application/pdf',
        url: 'https://www.lille.fr/deliberations/2025/03/20-acquisition.pdf',
        sha256: 'a'.repeat(64),
        size: 120_000,
      },
    },
  );
  await move('FROZEN');
  await move('PUBLISHED');
  await call(
    `mutation($commune: ID!, $id: ID!, $votes: VoteInput) { decideItem(commune: $commune, id: $id, decision: ACCEPTED, votes: $votes) { id } }`,
    { id, votes: { pollType: 'NONE', present: 50, yes: 50, no: 0, abstain: 0 } },
  );
  await move('DECIDED');
  return id;
}

function parseCsv(text: string): { header: string[]; records: Csv } {
  const rows: string[][] = parse(text, { bom: false });
  const [header = [], ...body] = rows;
  return {
    header,
    records: body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? '']))),
  };
}

describe.each(testDatabaseKinds())('SCDL délibérations export on %s', (database) => {
  let keys: TestHubKeys;
  let lille: ExportNode;
  let namur: ExportNode;
  let named: string;
  const exports = new Map<string, { header: string[]; records: Csv; response: Response }>();

  beforeAll(async () => {
    keys = await createTestHubKeys();
    [lille, namur] = await Promise.all([
      // Small pages, so that the export crosses many of them.
      startExportNode(LILLE, database, keys, { siret: LILLE_SIRET, pageSize: 7 }),
      startExportNode(NAMUR, database, keys, {
        enterpriseNumber: NAMUR_KBO,
        itemUrlTemplate: NAMUR_ITEM_URL,
      }),
    ]);
    for (const node of [lille, namur]) {
      await seedDeliberations(node.db, node.commune, { years: 2, seed: 2025, only: SEEDED });
    }
    named = await decideNamedAcquisition(lille, keys);
    for (const node of [lille, namur]) {
      const response = await node.csv(`from=${PERIOD.from}&to=${PERIOD.to}`);
      exports.set(node.commune.code, { ...parseCsv(await response.clone().text()), response });
    }
  }, 300_000);
  afterAll(async () => {
    await lille?.close();
    await namur?.close();
  });

  const exported = (code: string) => exports.get(code)!;
  const bothCommunes = [LILLE.code, NAMUR.code];

  it('answers CSV with the schema’s columns, in the schema’s order', () => {
    for (const code of bothCommunes) {
      const { header, records, response } = exported(code);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="deliberations-${code}-${PERIOD.from}-${PERIOD.to}.csv"`,
      );
      expect(header).toEqual(DELIBERATIONS_SCHEMA.fields.map((f) => f.name));
      expect(records.length).toBeGreaterThan(15);
    }
  });

  it('fills every row as the schema requires: required, patterns, dates, integers, URIs', () => {
    for (const code of bothCommunes) expect(schemaProblems(exported(code).records)).toEqual([]);
  });

  it('keeps the votes consistent: all or none, cast = VOTE_REEL ≤ VOTE_EFFECTIF', () => {
    const columns = ['VOTE_EFFECTIF', 'VOTE_REEL', 'VOTE_POUR', 'VOTE_CONTRE', 'VOTE_ABSTENTION'];
    for (const code of bothCommunes) {
      for (const row of exported(code).records) {
        const filled = columns.filter((c) => row[c] !== '');
        expect([0, columns.length]).toContain(filled.length);
        if (filled.length === 0) continue;
        const [effectif, reel, pour, contre, abstention] = columns.map((c) => Number(row[c]));
        expect(pour! + contre! + abstention!).toBe(reel);
        expect(reel!).toBeLessThanOrEqual(effectif!);
      }
    }
    const votedRows = exported(NAMUR.code).records.filter((r) => r['VOTE_EFFECTIF'] !== '');
    expect(new Set(votedRows.map((r) => r['VOTE_EFFECTIF']))).toEqual(new Set(['47']));
  });

  it('exports exactly the public council decisions of the period, in decision order', async () => {
    for (const node of [lille, namur]) {
      const { records } = exported(node.commune.code);
      const expected = (await publicDecisions(node, PERIOD.from, PERIOD.to)).filter(
        (i) =>
          EXPORTED_STATES.includes(i['state']) &&
          i['meeting']['organization']['kind'] === 'COUNCIL',
      );
      expect(records.map((r) => r['DELIB_ID'])).toEqual(expected.map((i) => i['id']));
      for (const row of records) {
        expect(row['DELIB_DATE'] >= PERIOD.from && row['DELIB_DATE'] <= PERIOD.to).toBe(true);
      }
      const byId = new Map(expected.map((i) => [i['id'], i]));
      for (const row of records) {
        const item = byId.get(row['DELIB_ID'])!;
        expect(row['DELIB_MATIERE_CODE']).toBe(item['topic']['code']);
        if (item['votes'] && row['VOTE_POUR'] !== '') {
          expect(Number(row['VOTE_POUR'])).toBe(item['votes']['yes']);
          expect(Number(row['VOTE_CONTRE'])).toBe(item['votes']['no']);
        }
      }
    }
  });

  it('leaves out what must not be published, which the seeded period holds', async () => {
    const ids = new Set(exported(NAMUR.code).records.map((r) => r['DELIB_ID']));
    const inPeriod = `decided_at >= '${PERIOD.from}T00:00:00+01:00' AND decided_at < '2025-04-01T00:00:00+02:00'`;
    const left = async (where: string): Promise<string[]> =>
      (
        await namur.db.query(`SELECT i.id FROM item i JOIN meeting m ON m.id = i.meeting_id
         JOIN organization o ON o.id = m.organization_id WHERE ${where}`)
      ).map((r: Row) => r['id']);
    const groups = {
      closed: await left(`NOT i.public AND ${inPeriod}`),
      undecided: await left(`i.state IN ('DELAYED', 'REMOVED') AND ${inPeriod}`),
      college: await left(`o.kind = 'COLLEGE' AND ${inPeriod}`),
      outside: await left(`i.decided_at IS NOT NULL AND NOT (${inPeriod})`),
    };
    for (const [group, found] of Object.entries(groups)) {
      expect([group, found.length > 0]).toEqual([group, true]);
      expect([group, found.filter((id) => ids.has(id))]).toEqual([group, []]);
    }
  });

  it('publishes refused and amended decisions as well as adopted ones', async () => {
    const states = new Set<string>();
    for (const node of [lille, namur]) {
      const ids = new Set(exported(node.commune.code).records.map((r) => r['DELIB_ID']));
      for (const item of await publicDecisions(node, PERIOD.from, PERIOD.to)) {
        if (ids.has(item['id'])) states.add(item['state']);
      }
    }
    expect([...states].sort()).toEqual(['ACCEPTED', 'ACCEPTED_BUT_MODIFIED', 'REFUSED']);
  });

  it('masks personal data in the published object', () => {
    const { records } = exported(LILLE.code);
    const row = records.find((r) => r['DELIB_ID'] === named)!;
    expect(row['DELIB_OBJET']).toBe(
      `Acquisition du bien sis rue Nationale 12 appartenant à ${PERSONAL_DATA_PLACEHOLDER}`,
    );
    expect(row['DELIB_URL']).toBe('https://www.lille.fr/deliberations/2025/03/20-acquisition.pdf');
    for (const code of bothCommunes) {
      for (const r of exported(code).records) {
        expect(Object.values(r).join('|')).not.toMatch(/\[\[|Jean Dupont/);
      }
    }
  });

  it('identifies the commune: SIRET in France, the KBO number padded to 14 digits in Belgium', () => {
    const columns = (code: string, names: string[]) =>
      new Set(exported(code).records.map((r) => names.map((n) => r[n]).join('|')));
    expect(columns(LILLE.code, ['COLL_NOM', 'COLL_SIRET', 'PREF_ID', 'PREF_DATE'])).toEqual(
      new Set([`Lille|${LILLE_SIRET}|PREF059|`]),
    );
    expect(columns(NAMUR.code, ['COLL_NOM', 'COLL_SIRET', 'PREF_ID', 'PREF_DATE'])).toEqual(
      new Set(['Namur|00000216689981||']),
    );
    for (const row of exported(NAMUR.code).records) {
      expect(row['DELIB_URL']).toBe(NAMUR_ITEM_URL.replace('{id}', row['DELIB_ID']!));
    }
  });

  it('names the ACTES matter as validators expect: level 1/level 2, lower case', () => {
    for (const code of bothCommunes) {
      for (const row of exported(code).records) {
        const name = row['DELIB_MATIERE_NOM']!;
        const [level1, level2] = [
          name.slice(0, name.indexOf('/')),
          name.slice(name.indexOf('/') + 1),
        ];
        expect(ACTES_FIRST_LEVEL).toContain(level1);
        expect(level2).toMatch(/^[^\s/,()][^/,()]*$/);
        expect(name).toBe(name.toLocaleLowerCase('fr'));
      }
    }
  });

  it('answers a period without decisions with the header alone', async () => {
    const response = await lille.csv('from=2023-01-01&to=2023-12-31');
    expect(response.status).toBe(200);
    const { header, records } = parseCsv(await response.text());
    expect(header).toHaveLength(DELIBERATIONS_SCHEMA.fields.length);
    expect(records).toEqual([]);
  });

  it.each([
    ['', 'from', 'is required (YYYY-MM-DD)'],
    ['from=2025-01-01', 'to', 'is required (YYYY-MM-DD)'],
    ['from=2025-02-30&to=2025-03-01', 'from', 'must be an ISO 8601 calendar date (YYYY-MM-DD)'],
    ['from=2025-01-01&to=01/03/2025', 'to', 'must be an ISO 8601 calendar date (YYYY-MM-DD)'],
    ['from=2025-01-01&from=2025-02-01&to=2025-03-01', 'from', 'must be given once'],
    ['from=2025-03-01&to=2025-02-28', 'to', 'must not be before from (2025-03-01)'],
    [
      'from=2020-01-01&to=2025-01-01',
      'to',
      'the period may span at most 5 years: to must be before 2025-01-01',
    ],
  ])('refuses %j with 400 naming %s', async (query, field, reason) => {
    const response = await lille.csv(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as Row;
    expect(body['errors'][0]).toEqual({
      message: `${field}: ${reason}`,
      extensions: { code: 'BAD_USER_INPUT', field, reason },
    });
  });

  it('accepts a period of five years less a day', async () => {
    expect((await lille.csv('from=2020-01-01&to=2024-12-31')).status).toBe(200);
  });

  it('answers 503 while the node lacks the commune’s identifier', async () => {
    const app = express().use(
      '/deliberations',
      createExportRouter({ db: lille.db, commune: lille.commune, logger: silentLogger }),
    );
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(
        `http://127.0.0.1:${port}/deliberations/export/scdl.csv?from=2025-01-01&to=2025-12-31`,
      );
      expect(response.status).toBe(503);
      expect(((await response.json()) as Row)['errors'][0]['extensions']).toEqual({
        code: 'EXPORT_NOT_CONFIGURED',
        setting: 'siret',
      });
    } finally {
      server.close();
    }
  });
});
