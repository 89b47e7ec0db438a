import { SUPPORTED_VERSIONS, seedPubliccodeFiles } from '@communes/components';
import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { NAMUR } from '../fixtures/communes';
import { PUBLISH, problemsOf, useComponentsNode, validPubliccode, yamlOf } from './support';

type Row = Record<string, any>;

/** Changes the data of a valid file, then names the key paths the node must refuse. */
const INVALID: [string, (doc: Row) => void, string[]][] = [
  [
    'required keys missing',
    (d) => {
      delete d.name;
      delete d.url;
      delete d.platforms;
      delete d.categories;
      delete d.developmentStatus;
      delete d.softwareType;
      delete d.legal.license;
      delete d.maintenance.type;
      delete d.localisation.localisationReady;
      delete d.description.fr.shortDescription;
    },
    [
      'name',
      'url',
      'platforms',
      'categories',
      'developmentStatus',
      'softwareType',
      'description.fr.shortDescription',
      'legal.license',
      'maintenance.type',
      'localisation.localisationReady',
    ],
  ],
  ['no publiccodeYmlVersion', (d) => delete d.publiccodeYmlVersion, ['publiccodeYmlVersion']],
  ['a version before 0.4', (d) => (d.publiccodeYmlVersion = '0.3'), ['publiccodeYmlVersion']],
  ['a version after 0.7', (d) => (d.publiccodeYmlVersion = '1.0'), ['publiccodeYmlVersion']],
  [
    'developmentStatus outside the list',
    (d) => (d.developmentStatus = 'finished'),
    ['developmentStatus'],
  ],
  ['softwareType outside the list', (d) => (d.softwareType = 'standalone'), ['softwareType']],
  [
    'maintenance.type outside the list',
    (d) => (d.maintenance.type = 'outsourced'),
    ['maintenance.type'],
  ],
  [
    'a category outside the list',
    (d) => (d.categories = ['document-management', 'paperwork']),
    ['categories[1]'],
  ],
  ['categories as text, not a list', (d) => (d.categories = 'office'), ['categories']],
  ['no category', (d) => (d.categories = []), ['categories']],
  [
    'a scope outside the list',
    (d) => (d.intendedAudience.scope = ['local-authorities', 'town-halls']),
    ['intendedAudience.scope[1]'],
  ],
  [
    'a country that is not ISO 3166-1',
    (d) => (d.intendedAudience.countries = ['be', 'bel']),
    ['intendedAudience.countries[1]'],
  ],
  [
    'shortDescription of 151 characters',
    (d) => (d.description.fr.shortDescription = 'é'.repeat(151)),
    ['description.fr.shortDescription'],
  ],
  [
    'longDescription under 150 characters',
    (d) => (d.description.fr.longDescription = 'Trop court.'),
    ['description.fr.longDescription'],
  ],
  [
    'longDescription over 10000 characters',
    (d) => (d.description.fr.longDescription = 'mot '.repeat(2_600)),
    ['description.fr.longDescription'],
  ],
  [
    'no longDescription in any language',
    (d) => delete d.description.fr.longDescription,
    ['description.fr.longDescription'],
  ],
  [
    'genericName over 35 characters',
    (d) => (d.description.en.genericName = 'x'.repeat(36)),
    ['description.en.genericName'],
  ],
  ['no description', (d) => (d.description = {}), ['description']],
  [
    'a description key that is not BCP 47',
    (d) => (d.description['français'] = d.description.en),
    ['description.français'],
  ],
  [
    'available languages that are not BCP 47',
    (d) => (d.localisation.availableLanguages = ['fr', 'fr_BE', 'xx-YY']),
    ['localisation.availableLanguages[1]', 'localisation.availableLanguages[2]'],
  ],
  [
    'no available language',
    (d) => (d.localisation.availableLanguages = []),
    ['localisation.availableLanguages'],
  ],
  [
    'localisationReady not a boolean',
    (d) => (d.localisation.localisationReady = 'yes'),
    ['localisation.localisationReady'],
  ],
  ['releaseDate that does not exist', (d) => (d.releaseDate = '2026-02-30'), ['releaseDate']],
  ['releaseDate not YYYY-MM-DD', (d) => (d.releaseDate = '04/05/2026'), ['releaseDate']],
  ['url that is not a URL', (d) => (d.url = 'registre-arretes'), ['url']],
  [
    'landingURL not on the web',
    (d) => (d.landingURL = 'ftp://ftp.namur.be/registre'),
    ['landingURL'],
  ],
  [
    'documentation without a scheme',
    (d) => (d.description.fr.documentation = 'www.namur.be/doc'),
    ['description.fr.documentation'],
  ],
  ['licence that is not SPDX', (d) => (d.legal.license = 'EUPL 1.2'), ['legal.license']],
  ['licence expression cut short', (d) => (d.legal.license = 'MIT AND'), ['legal.license']],
  [
    'licence with an unknown exception',
    (d) => (d.legal.license = 'GPL-2.0-or-later WITH Namur-exception'),
    ['legal.license'],
  ],
  [
    'internal maintenance without contacts',
    (d) => delete d.maintenance.contacts,
    ['maintenance.contacts'],
  ],
  [
    'community maintenance with an empty contact list',
    (d) => Object.assign(d.maintenance, { type: 'community', contacts: [] }),
    ['maintenance.contacts'],
  ],
  [
    'contract maintenance without contractors',
    (d) => (d.maintenance = { type: 'contract' }),
    ['maintenance.contractors'],
  ],
  [
    'contractors for maintenance that is not a contract',
    (d) => (d.maintenance.contractors = [{ name: 'Civilab', until: '2027-12-31' }]),
    ['maintenance.contractors'],
  ],
  [
    'a contractor without until, and a bad website',
    (d) =>
      (d.maintenance = {
        type: 'contract',
        contractors: [{ name: 'Civilab', website: 'civilab' }],
      }),
    ['maintenance.contractors[0].until', 'maintenance.contractors[0].website'],
  ],
  [
    'a contact with a bad email',
    (d) => (d.maintenance.contacts[0].email = 'marc@'),
    ['maintenance.contacts[0].email'],
  ],
  [
    'a dependency without a name',
    (d) => (d.dependsOn.open = [{ versionMin: '13' }]),
    ['dependsOn.open[0].name'],
  ],
  [
    'a misspelt key',
    (d) => (d.description.fr.shortDescrption = 'typo'),
    ['description.fr.shortDescrption'],
  ],
  ['a key the standard does not have', (d) => (d.licence = 'EUPL-1.2'), ['licence']],
  [
    'many problems at once',
    (d) => {
      d.developmentStatus = 'done';
      d.legal.license = 'Proprietary';
      d.description.fr.shortDescription = 'x'.repeat(200);
      d.localisation.availableLanguages = ['klingon'];
    },
    [
      'developmentStatus',
      'description.fr.shortDescription',
      'legal.license',
      'localisation.availableLanguages[0]',
    ],
  ],
];

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
].join('\n');

/** Files that are not a publiccode.yml at all, refused on the argument itself. */
const UNREADABLE: [string, () => string, RegExp][] = [
  ['malformed YAML', () => 'name: [Registre\nurl: https://x.org', /not valid YAML/],
  ['a key given twice', () => 'name: A\nname: B\n', /not valid YAML: Map keys must be unique/],
  ['a list, not a mapping', () => '- name\n- url\n', /must be a YAML mapping/],
  ['an empty file', () => '', /must be a YAML mapping/],
  ['aliases that expand a billion times', () => BILLION_LAUGHS, /expands too much/],
  ['thousands of nested brackets', () => `name: ${'['.repeat(50_000)}`, /not valid YAML/],
  [
    'a file over 256 KiB',
    () => {
      const doc = validPubliccode();
      doc.description.fr.longDescription = 'Un registre. '.repeat(21_000);
      return yamlOf(doc);
    },
    /is 2[6-9]\d\.\d KiB; a publiccode.yml may be at most 256 KiB/,
  ],
];

describe.each(testDatabaseKinds())('publishing publiccode.yml on %s', (database) => {
  const suite = useComponentsNode(database, NAMUR);
  const publish = async (yml: string, role: 'editor' | 'admin' = 'editor') =>
    suite.send(PUBLISH, { yml }, await suite.as(role));

  it.each(SUPPORTED_VERSIONS.map((v) => [v]))(
    'publishes a valid file of version %s and keeps it as published',
    async (version) => {
      const doc = validPubliccode();
      doc.publiccodeYmlVersion = version;
      doc.url = `https://gitlab.com/ville-de-namur/registre-${version.replaceAll('.', '-')}.git`;
      const yml = `# publiccode.yml du registre des arrêtés\n${yamlOf(doc)}`;
      const { publishComponent: c } = dataOf(await publish(yml));
      expect(c).toMatchObject({
        communeCode: NAMUR.code,
        name: 'Registre des arrêtés',
        url: doc.url,
        // An unquoted 1.10 stays "1.10": versions are text.
        softwareVersion: '1.10',
        releaseDate: '2026-05-04',
        developmentStatus: 'STABLE',
        softwareType: 'STANDALONE_WEB',
        platforms: ['web'],
        categories: ['document-management', 'digital-citizenship'],
        license: 'EUPL-1.2',
        licenseIds: ['EUPL-1.2'],
        languages: ['fr', 'nl-BE'],
        scope: ['local-authorities'],
        publiccodeYmlVersion: version,
        publiccodeYml: yml,
        maintenance: {
          type: 'INTERNAL',
          contacts: [{ name: 'Marc Lemaire', email: 'marc.lemaire@namur.be' }],
          contractors: [],
        },
        dependsOn: [{ kind: 'OPEN', name: 'PostgreSQL', versionMin: '13', optional: false }],
        releases: [
          {
            softwareVersion: '1.10',
            publiccodeYmlVersion: version,
            publishedBy: 'editor@be-92094.example',
          },
        ],
      });
      expect(c.descriptions.map((d: Row) => d.language)).toEqual(['fr', 'en']);
    },
  );

  it('publishes every demo publiccode.yml of the seed', async () => {
    for (const code of ['BE-92094', 'BE-62063', 'BE-52011', 'FR-59350']) {
      for (const file of seedPubliccodeFiles(code)) {
        const response = await publish(file.text);
        expect({ file: file.name, errors: response.errors }).toEqual({
          file: file.name,
          errors: undefined,
        });
      }
    }
  });

  it('accepts a country-specific section and keeps it in the file as published', async () => {
    const doc = validPubliccode();
    doc.url = 'https://gitlab.com/ville-de-namur/registre-it.git';
    doc.it = { countryExtensionVersion: '1.0', conforme: { gdpr: true } };
    const { publishComponent: c } = dataOf(await publish(yamlOf(doc)));
    expect(c.publiccodeYml).toContain('countryExtensionVersion');
  });

  it('a second publication of a url updates the component and adds a release, newest first', async () => {
    const doc = validPubliccode();
    doc.url = 'https://gitlab.com/ville-de-namur/registre-versions.git';
    const first = dataOf(await publish(yamlOf(doc))).publishComponent;
    Object.assign(doc, {
      softwareVersion: '2.0.0',
      releaseDate: '2026-10-01',
      developmentStatus: 'beta',
    });
    doc.legal.license = 'EUPL-1.2 OR AGPL-3.0-or-later';
    const second = dataOf(await publish(yamlOf(doc), 'admin')).publishComponent;
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({
      softwareVersion: '2.0.0',
      developmentStatus: 'BETA',
      licenseIds: ['EUPL-1.2', 'AGPL-3.0-or-later'],
      releases: [
        { softwareVersion: '2.0.0', publishedBy: 'admin@be-92094.example' },
        { softwareVersion: '1.10', publishedBy: 'editor@be-92094.example' },
      ],
    });
    const [{ count }] = await suite.node.db.query(
      `SELECT count(*)::int AS count FROM component WHERE url = $1`,
      [doc.url],
    );
    expect(count).toBe(1);
  });

  it.each(INVALID)(
    'refuses %s, naming the keys, and stores nothing',
    async (_name, change, fields) => {
      const doc = validPubliccode();
      change(doc);
      const response = await suite.unchanged(() => publish(yamlOf(doc)));
      const refused = problemsOf(response);
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect(refused.fields.sort()).toEqual([...fields].sort());
      for (const problem of refused.problems) expect(problem.reason).not.toBe('');
    },
  );

  it('gives the line of each problem in the file', async () => {
    const doc = validPubliccode();
    doc.description.fr.shortDescription = 'x'.repeat(151);
    const yml = yamlOf(doc);
    const line = yml.split('\n').findIndex((l) => l.includes('shortDescription: xxx')) + 1;
    const { problems } = problemsOf(await suite.unchanged(() => publish(yml)));
    expect(problems).toEqual([
      {
        field: 'description.fr.shortDescription',
        reason: 'must be at most 150 characters (has 151)',
        line,
      },
    ]);
  });

  it.each(UNREADABLE)(
    'refuses %s on publiccodeYml and stores nothing',
    async (_name, text, reason) => {
      const response = await suite.unchanged(() => publish(text()));
      const refused = problemsOf(response);
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect(refused.fields).toEqual(['publiccodeYml']);
      expect(refused.problems[0]!.reason).toMatch(reason);
    },
  );

  it('lets only editors and admins of the commune publish', async () => {
    const yml = yamlOf(validPubliccode());
    const anonymous = await suite.unchanged(() => suite.send(PUBLISH, { yml }));
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const secretary = await suite.unchanged(async () =>
      suite.send(PUBLISH, { yml }, await suite.as('secretary')),
    );
    expect(secretary.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const otherCommune = await suite.unchanged(async () =>
      suite.send(PUBLISH, { yml }, await suite.as('editor', 'BE-62063')),
    );
    expect(otherCommune.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const wrongNode = await suite.unchanged(async () =>
      suite.send(PUBLISH, { yml, commune: 'BE-62063' }, await suite.as('editor', 'BE-62063')),
    );
    expect(problemsOf(wrongNode).fields).toEqual(['commune']);
  });
});
