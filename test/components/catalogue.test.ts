import { seedPubliccodeFiles } from '@communes/components';
import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { NAMUR } from '../fixtures/communes';
import { PUBLISH, problemsOf, useComponentsNode, validPubliccode, yamlOf } from './support';

type Row = Record<string, any>;

const COMPONENTS = `query($communes: [ID!], $filter: ComponentFilter, $orderBy: ComponentOrder, $first: Int, $after: String) {
  components(communes: $communes, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name url releaseDate updatedAt } } } }`;

const names = (data: Row) => data['components'].edges.map((e: Row) => e.node.name);

describe.each(testDatabaseKinds())('the components catalogue on %s', (database) => {
  const suite = useComponentsNode(database, NAMUR);
  const list = (variables: Row) => suite.read(COMPONENTS, variables);

  beforeAll(async () => {
    // The demo files of every commune, published by one node: nine components (Délibé twice),
    // and one never released.
    const headers = await suite.as('editor');
    for (const code of ['BE-92094', 'BE-62063', 'BE-52011', 'FR-59350']) {
      for (const file of seedPubliccodeFiles(code)) {
        dataOf(await suite.send(PUBLISH, { yml: file.text }, headers));
      }
    }
    const unreleased = validPubliccode();
    delete unreleased.softwareVersion;
    delete unreleased.releaseDate;
    unreleased.developmentStatus = 'concept';
    dataOf(await suite.send(PUBLISH, { yml: yamlOf(unreleased) }, headers));
  });

  it('lists by name, folded, and pages without loss or repetition', async () => {
    const all = await list({ first: 100 });
    expect(all.components.totalCount).toBe(10);
    const expected = names(all);
    expect(expected).toEqual(
      [...expected].sort((a: string, b: string) =>
        a.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() <
        b.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
          ? -1
          : 1,
      ),
    );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Row = await list({ first: 3, after });
      seen.push(...names(page));
      after = page['components'].pageInfo.hasNextPage
        ? page['components'].pageInfo.endCursor
        : null;
    } while (after);
    expect(seen).toEqual(expected);
  });

  it('orders by release date, unreleased components first in ASC', async () => {
    const asc = await list({ first: 100, orderBy: { field: 'RELEASE_DATE', direction: 'ASC' } });
    const dates = asc.components.edges.map((e: Row) => e.node.releaseDate ?? '');
    expect(dates[0]).toBe('');
    expect(dates).toEqual([...dates].sort());
    const desc = await list({ first: 4, orderBy: { field: 'RELEASE_DATE', direction: 'DESC' } });
    expect(desc.components.edges.map((e: Row) => e.node.releaseDate)).toEqual(
      [...dates].reverse().slice(0, 4),
    );
  });

  it.each([
    [
      'French words, stemmed and as prefixes',
      { search: 'délibérations conseil' },
      ['Délibé', 'Registre des délibérations'],
    ],
    ['English words', { search: 'participatory budgeting' }, ['Budget participatif']],
    ['a category', { category: 'e-signature' }, ['Délibé', 'Demandes de documents']],
    [
      'an SPDX identifier inside an OR expression',
      { license: 'AGPL-3.0-or-later' },
      ['Budget participatif', 'Demandes de documents', 'Guichet citoyen'],
    ],
    ['a software type', { softwareType: 'STANDALONE_BACKEND' }, ['Connexion eID']],
    [
      'a development status',
      { developmentStatus: 'CONCEPT' },
      ['Plan vélo', 'Registre des arrêtés'],
    ],
    ['a language, with its regional variants', { language: 'nl' }, null],
    ['a repository URL', { url: 'https://gitlab.com/ville-de-namur/delibe.git' }, ['Délibé']],
  ])('filters by %s', async (_name, filter, expected) => {
    const data = await list({ first: 100, filter });
    if (expected) expect(names(data)).toEqual(expected);
    expect(data.components.totalCount).toBe(names(data).length);
    expect(names(data).length).toBeGreaterThan(0);
  });

  it('finds nl-BE software when asked for nl, and not the other way round', async () => {
    const nl = names(await list({ first: 100, filter: { language: 'nl' } }));
    const nlBE = names(await list({ first: 100, filter: { language: 'nl-BE' } }));
    expect(nl).toEqual(expect.arrayContaining(nlBE));
    expect(nlBE).toEqual(['Registre des arrêtés']);
    expect(nl.length).toBeGreaterThan(nlBE.length);
  });

  it('reads one component with its description in the language asked, and its releases', async () => {
    const [delibe] = (
      await list({ filter: { url: 'https://gitlab.com/ville-de-namur/delibe.git' } })
    ).components.edges;
    const data = await suite.read(
      `query($id: ID!) { component(communeCode: "BE-92094", id: $id) {
        name softwareVersion
        nl: description(language: "nl-BE") { language shortDescription }
        de: description(language: "de") { language }
        default: description { language }
        releases { softwareVersion developmentStatus publiccodeYml }
      } }`,
      { id: delibe.node.id },
    );
    expect(data.component).toMatchObject({
      name: 'Délibé',
      softwareVersion: '2.3.0',
      nl: { language: 'nl' },
      de: { language: 'fr' },
      default: { language: 'fr' },
      releases: [
        { softwareVersion: '2.3.0', developmentStatus: 'STABLE' },
        { softwareVersion: '1.8.2', developmentStatus: 'BETA' },
      ],
    });
    expect(data.component.releases[1].publiccodeYml).toContain('1.8.2');
  });

  it.each([
    ['filter.search', { filter: { search: '¿?' } }],
    ['filter.search', { filter: { search: 'x'.repeat(201) } }],
    ['filter.category', { filter: { category: 'paperwork' } }],
    ['filter.license', { filter: { license: 'EUPL 1.2' } }],
    ['filter.license', { filter: { license: 'MIT OR Apache-2.0' } }],
    ['filter.language', { filter: { language: 'fr_BE' } }],
    ['filter.url', { filter: { url: '  ' } }],
    ['first', { first: 101 }],
    ['after', { after: 'not-a-cursor' }],
  ])('refuses a bad %s', async (field, variables) => {
    const response = await suite.send(COMPONENTS, variables);
    expect(problemsOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [field] });
  });

  it('refuses a cursor of another order', async () => {
    const page = await list({ first: 1 });
    const response = await suite.send(COMPONENTS, {
      after: page.components.pageInfo.endCursor,
      orderBy: { field: 'UPDATED_AT', direction: 'DESC' },
    });
    expect(problemsOf(response).fields).toEqual(['after']);
  });
});
