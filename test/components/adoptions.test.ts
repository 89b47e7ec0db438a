import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { LIEGE } from '../fixtures/communes';
import { problemsOf, useComponentsNode } from './support';

type Row = Record<string, any>;

const ADOPTION_FIELDS = `communeCode id componentUrl componentName publisherCode version status
  since retiredOn referent { name email role }`;

const ADOPT = `mutation($commune: ID!, $input: AdoptComponentInput!) {
  adoptComponent(commune: $commune, input: $input) { ${ADOPTION_FIELDS} } }`;
const UPDATE = `mutation($commune: ID!, $id: ID!, $input: UpdateAdoptionInput!) {
  updateAdoption(commune: $commune, id: $id, input: $input) { ${ADOPTION_FIELDS} } }`;
const RETIRE = `mutation($commune: ID!, $id: ID!, $retiredOn: String) {
  retireAdoption(commune: $commune, id: $id, retiredOn: $retiredOn) { ${ADOPTION_FIELDS} } }`;
const ADOPTIONS = `query($communes: [ID!], $filter: AdoptionFilter, $orderBy: AdoptionOrder, $first: Int, $after: String) {
  adoptions(communes: $communes, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${ADOPTION_FIELDS} } } } }`;
const COUNTS = `query($filter: AdoptionFilter) { adoptionCountsByComponent(filter: $filter) { key name count } }`;

let serial = 0;
/** A valid adoption of a repository not adopted yet. */
function adoption(overrides: Row = {}): Row {
  serial += 1;
  return {
    componentUrl: `https://gitlab.com/ville-de-namur/outil-${serial}.git`,
    componentName: `Outil ${serial}`,
    publisherCode: 'BE-92094',
    version: '1.0.0',
    status: 'IN_PRODUCTION',
    since: '2025-09-01',
    referent: {
      name: 'Nadia Benali',
      email: 'nadia.benali@liege.be',
      role: 'Architecte applicative',
    },
    ...overrides,
  };
}

describe.each(testDatabaseKinds())('adoptions on %s', (database) => {
  const suite = useComponentsNode(database, LIEGE);
  const adopt = async (input: Row) => suite.send(ADOPT, { input }, await suite.as('editor'));

  it('records an adoption and shows its referent to staff of any member commune only', async () => {
    const input = adoption();
    const created = dataOf(await adopt(input)).adoptComponent;
    expect(created).toMatchObject({ ...input, communeCode: LIEGE.code, retiredOn: null });
    const filter = { componentUrl: input.componentUrl };
    const anonymous = await suite.read(ADOPTIONS, { filter });
    expect(anonymous.adoptions.edges[0].node.referent).toBeNull();
    const otherCommune = await suite.read(
      ADOPTIONS,
      { filter },
      await suite.as('editor', 'FR-59350'),
    );
    expect(otherCommune.adoptions.edges[0].node.referent).toEqual(input.referent);
  });

  it('defaults to EVALUATING since today', async () => {
    const { status: _status, since: _since, ...input } = adoption();
    const created = dataOf(await adopt(input)).adoptComponent;
    expect(created.status).toBe('EVALUATING');
    expect(created.since).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date()),
    );
  });

  it('refuses a second current adoption of one repository, and allows one after retiring', async () => {
    const input = adoption();
    const first = dataOf(await adopt(input)).adoptComponent;
    const again = await suite.unchanged(() => adopt({ ...input, componentName: 'Autre nom' }));
    expect(problemsOf(again)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.componentUrl'],
    });
    expect(problemsOf(again).problems[0]!.reason).toContain(first.id);
    dataOf(
      await suite.send(RETIRE, { id: first.id, retiredOn: '2026-01-31' }, await suite.as('editor')),
    );
    const second = dataOf(await adopt({ ...input, since: '2026-03-01' })).adoptComponent;
    expect(second.id).not.toBe(first.id);
  });

  it.each([
    ['input.componentUrl', { componentUrl: 'outil-metier' }],
    ['input.componentUrl', { componentUrl: '' }],
    ['input.componentName', { componentName: '  ' }],
    ['input.componentName', { componentName: 'x'.repeat(201) }],
    ['input.publisherCode', { publisherCode: 'Namur' }],
    ['input.version', { version: 'v'.repeat(101) }],
    ['input.status', { status: 'RETIRED' }],
    ['input.since', { since: '2025-02-30' }],
    ['input.since', { since: '01/09/2025' }],
    ['input.since', { since: '2999-01-01' }],
    ['input.referent.name', { referent: { name: '', email: 'a@liege.be' } }],
    ['input.referent.email', { referent: { name: 'Nadia Benali', email: 'nadia.benali' } }],
    [
      'input.referent.role',
      { referent: { name: 'N B', email: 'a@liege.be', role: 'r'.repeat(201) } },
    ],
  ])('refuses a bad %s and changes nothing', async (field, overrides) => {
    const response = await suite.unchanged(() => adopt(adoption(overrides)));
    expect(problemsOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [field] });
  });

  it('reports every problem of an input at once', async () => {
    const response = await suite.unchanged(() =>
      adopt(adoption({ componentUrl: 'x', since: 'hier', referent: { name: '', email: 'no' } })),
    );
    expect(problemsOf(response).fields.sort()).toEqual(
      ['input.componentUrl', 'input.referent.email', 'input.referent.name', 'input.since'].sort(),
    );
  });

  it('updates an adoption as it would be after the change', async () => {
    const created = dataOf(await adopt(adoption({ status: 'EVALUATING' }))).adoptComponent;
    const headers = await suite.as('editor');
    const updated = dataOf(
      await suite.send(
        UPDATE,
        {
          id: created.id,
          input: { status: 'IN_PRODUCTION', version: '1.1.0', publisherCode: null },
        },
        headers,
      ),
    ).updateAdoption;
    expect(updated).toMatchObject({
      status: 'IN_PRODUCTION',
      version: '1.1.0',
      publisherCode: null,
      since: created.since,
    });
    for (const [field, input] of [
      ['input.status', { status: 'RETIRED' }],
      ['input.since', { since: '2999-12-31' }],
      ['input.referent.email', { referent: { name: 'X', email: 'x' } }],
    ] as const) {
      const refused = await suite.unchanged(() =>
        suite.send(UPDATE, { id: created.id, input }, headers),
      );
      expect(problemsOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [field] });
    }
    const unknown = await suite.unchanged(() =>
      suite.send(
        UPDATE,
        { id: '7b0c1d3e-1111-4c2b-9a8e-2f4d5e6a7b8c', input: { version: '2' } },
        headers,
      ),
    );
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const badId = await suite.unchanged(() => suite.send(UPDATE, { id: '42', input: {} }, headers));
    expect(problemsOf(badId).fields).toEqual(['id']);
  });

  it('retires an adoption once, not before it started, and then keeps it as history', async () => {
    const created = dataOf(await adopt(adoption({ since: '2024-06-01' }))).adoptComponent;
    const headers = await suite.as('editor');
    const early = await suite.unchanged(() =>
      suite.send(RETIRE, { id: created.id, retiredOn: '2024-05-31' }, headers),
    );
    expect(problemsOf(early).fields).toEqual(['retiredOn']);
    const future = await suite.unchanged(() =>
      suite.send(RETIRE, { id: created.id, retiredOn: '2999-01-01' }, headers),
    );
    expect(problemsOf(future).fields).toEqual(['retiredOn']);
    const retired = dataOf(
      await suite.send(RETIRE, { id: created.id, retiredOn: '2025-12-31' }, headers),
    ).retireAdoption;
    expect(retired).toMatchObject({ status: 'RETIRED', retiredOn: '2025-12-31' });
    const twice = await suite.unchanged(() => suite.send(RETIRE, { id: created.id }, headers));
    expect(problemsOf(twice).fields).toEqual(['id']);
    const update = await suite.unchanged(() =>
      suite.send(UPDATE, { id: created.id, input: { version: '9' } }, headers),
    );
    expect(problemsOf(update).fields).toEqual(['id']);

    const filter = { componentUrl: created.componentUrl };
    expect((await suite.read(ADOPTIONS, { filter })).adoptions.totalCount).toBe(0);
    const past = await suite.read(ADOPTIONS, { filter: { ...filter, status: ['RETIRED'] } });
    expect(past.adoptions.edges.map((e: Row) => e.node.id)).toEqual([created.id]);
  });

  it('lets only editors and admins of the commune write', async () => {
    const input = adoption();
    const anonymous = await suite.unchanged(() => suite.send(ADOPT, { input }));
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const otherCommune = await suite.unchanged(async () =>
      suite.send(ADOPT, { input }, await suite.as('admin', 'BE-92094')),
    );
    expect(otherCommune.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('lists current adoptions by since and by name, paging each once', async () => {
    for (const order of [
      { field: 'SINCE', direction: 'DESC' },
      { field: 'COMPONENT_NAME', direction: 'ASC' },
    ]) {
      const all = (await suite.read(ADOPTIONS, { first: 100, orderBy: order })).adoptions;
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const page: Row = (await suite.read(ADOPTIONS, { first: 2, after, orderBy: order }))
          .adoptions;
        ids.push(...page.edges.map((e: Row) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(ids).toEqual(all.edges.map((e: Row) => e.node.id));
      expect(all.totalCount).toBe(ids.length);
      expect(all.edges.every((e: Row) => e.node.status !== 'RETIRED')).toBe(true);
    }
  });

  it('counts one per repository the commune currently adopts', async () => {
    const { adoptionCountsByComponent: counts } = await suite.read(COUNTS);
    const rows: { url: string }[] = await suite.node.db.query(
      `SELECT DISTINCT component_url AS url FROM adoption WHERE status <> 'RETIRED'`,
    );
    expect(counts.map((c: Row) => c.key).sort()).toEqual(rows.map((r) => r.url).sort());
    expect(counts.every((c: Row) => c.count === 1 && c.name.startsWith('Outil'))).toBe(true);
  });

  it.each([
    ['filter.status', { filter: { status: [] } }],
    ['filter.componentUrl', { filter: { componentUrl: ' ' } }],
    ['first', { first: 500 }],
  ])('refuses a bad %s', async (field, variables) => {
    const response = await suite.send(ADOPTIONS, variables);
    expect(problemsOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [field] });
  });
});
