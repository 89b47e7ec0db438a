import { createTestHubKeys, type TestHubKeys } from '../support/identities';
import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { snapshot } from '../support/snapshot';
import { startTestNode, type TestNode } from '../support/test-node';
import { LILLE, NAMUR } from '../fixtures/communes';
import { enterpriseNumberFor, namurBusiness, siren } from '../fixtures/businesses';
import { CLOSE, CREATE, LIST, ONE, REOPEN, SECTORS, UPDATE } from './operations';

type Business = Record<string, any>;

describe.each(testDatabaseKinds())('directory on %s', (database) => {
  let keys: TestHubKeys;
  let namur: TestNode;
  let editor: Record<string, string>;

  beforeAll(async () => {
    keys = await createTestHubKeys();
    namur = await startTestNode({ ...NAMUR, database, hubPublicKey: keys.publicKey });
    editor = await keys.headersFor({ [NAMUR.code]: ['editor'] });
  });
  afterAll(() => namur?.close());

  const create = async (input: Record<string, unknown>): Promise<Business> =>
    dataOf(
      await namur.query<{ createBusiness: Business }>(
        CREATE,
        { commune: NAMUR.code, input },
        editor,
      ),
    ).createBusiness;

  describe('writes', () => {
    it('creates a business with normalised identifiers and reads it back', async () => {
      const created = await create(
        namurBusiness({
          name: 'Librairie Papyrus',
          enterpriseNumber:
            '0' +
            enterpriseNumberFor('papyrus').slice(1, 4) +
            '.' +
            enterpriseNumberFor('papyrus').slice(4, 7) +
            '.' +
            enterpriseNumberFor('papyrus').slice(7),
        }),
      );
      expect(created).toMatchObject({
        communeCode: NAMUR.code,
        name: 'Librairie Papyrus',
        enterpriseNumber: enterpriseNumberFor('papyrus'),
        status: 'ACTIVE',
        source: 'MANUAL',
        address: { postalCode: '5000', countryCode: 'BE' },
        activities: [{ naceVersion: 'NACE_2008', code: '10.712', section: 'C', main: true }],
      });
      expect(created.activities[0].label).toMatch(/pain/i);
      expect(created.contacts.phone).toBe('+3281223344');
      const read = dataOf(
        await namur.query<{ business: Business }>(ONE, { communeCode: NAMUR.code, id: created.id }),
      );
      expect(read.business).toEqual(created);
    });

    it('updates, closes and reopens a business', async () => {
      const created = await create(namurBusiness({ name: 'Garage Lambert' }));
      const updated = dataOf(
        await namur.query<{ updateBusiness: Business }>(
          UPDATE,
          {
            commune: NAMUR.code,
            id: created.id,
            input: { commercialName: 'Lambert Auto', contacts: null },
          },
          editor,
        ),
      ).updateBusiness;
      expect(updated).toMatchObject({
        name: 'Garage Lambert',
        commercialName: 'Lambert Auto',
        contacts: { phone: null, email: null },
      });
      expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
      const closed = dataOf(
        await namur.query<{ closeBusiness: Business }>(
          CLOSE,
          { commune: NAMUR.code, id: created.id },
          editor,
        ),
      );
      expect(closed.closeBusiness.status).toBe('CLOSED');
      const reopened = dataOf(
        await namur.query<{ reopenBusiness: Business }>(
          REOPEN,
          { commune: NAMUR.code, id: created.id },
          editor,
        ),
      );
      expect(reopened.reopenBusiness.status).toBe('ACTIVE');
    });

    it('refuses anonymous callers, editors of another commune and forged identities', async () => {
      const before = await snapshot(namur.db, ['business', 'business_activity']);
      const input = namurBusiness({ name: 'Pharmacie du Centre' });
      const anonymous = await namur.query(CREATE, { commune: NAMUR.code, input });
      expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const otherCommune = await namur.query(
        CREATE,
        { commune: NAMUR.code, input },
        await keys.headersFor({ [LILLE.code]: ['editor'] }, undefined, NAMUR.code),
      );
      expect(otherCommune.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const forger = await createTestHubKeys();
      const forged = await namur.query(
        CREATE,
        { commune: NAMUR.code, input },
        await forger.headersFor({ [NAMUR.code]: ['editor'] }),
      );
      expect(forged.status).toBe(401);
      expect(forged.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      const elsewhere = await namur.query(
        CREATE,
        { commune: LILLE.code, input },
        await keys.headersFor({ [LILLE.code]: ['editor'] }, undefined, NAMUR.code),
      );
      expect(elsewhere.errors?.[0]?.extensions).toMatchObject({
        code: 'WRONG_COMMUNE',
        field: 'commune',
      });
      expect(await snapshot(namur.db, ['business', 'business_activity'])).toBe(before);
    });
  });

  describe('validation refuses bad input, names the field and changes nothing', () => {
    const badCases: [string, Record<string, unknown>, string, RegExp][] = [
      [
        'enterprise number check digits',
        { enterpriseNumber: '0123.456.789' },
        'input.enterpriseNumber',
        /check|97/i,
      ],
      [
        'enterprise number length',
        { enterpriseNumber: '12345' },
        'input.enterpriseNumber',
        /10 digits/,
      ],
      [
        'enterprise number letters',
        { enterpriseNumber: '0abc.def.ghi' },
        'input.enterpriseNumber',
        /digit/,
      ],
      [
        'establishment first digit',
        { establishmentNumber: '1' + enterpriseNumberFor('x').slice(1) },
        'input.establishmentNumber',
        /2.*8/,
      ],
      [
        'establishment check digits',
        { establishmentNumber: '2123456789' },
        'input.establishmentNumber',
        /check|97/i,
      ],
      [
        'Belgian postal code',
        { address: { street: 'Rue de Fer', postalCode: '500', locality: 'Namur' } },
        'input.address.postalCode',
        /4 digits/,
      ],
      [
        'country of the address',
        { address: { street: 'Rue', postalCode: '5000', locality: 'Namur', countryCode: 'FR' } },
        'input.address.countryCode',
        /BE/,
      ],
      ['email', { contacts: { email: 'not-an-email' } }, 'input.contacts.email', /email/i],
      ['website', { contacts: { website: 'ftp://example.be' } }, 'input.contacts.website', /http/i],
      ['phone', { contacts: { phone: '+32 12' } }, 'input.contacts.phone', /phone/i],
      ['latitude', { location: { lat: 91, lon: 4.8 } }, 'input.location.lat', /-?90/],
      ['longitude', { location: { lat: 50.4, lon: -181 } }, 'input.location.lon', /180/],
      [
        'NACE code of another version',
        { activities: [{ naceVersion: 'NACE_2025', code: '45.201', main: true }] },
        'input.activities[0].code',
        /2025/,
      ],
      [
        'NACE division that does not exist',
        { activities: [{ naceVersion: 'NACE_2008', code: '04.100', main: true }] },
        'input.activities[0].code',
        /NACE/,
      ],
      [
        'malformed NACE code',
        { activities: [{ naceVersion: 'NACE_2025', code: 'bakery', main: true }] },
        'input.activities[0].code',
        /NACE|code/i,
      ],
      ['no activity', { activities: [] }, 'input.activities', /at least one/i],
      ['opening hours', { openingHours: ['Mo-Fr 9h-18h'] }, 'input.openingHours[0]', /.+/],
      [
        'opening hours day',
        { openingHours: ['Xx 09:00-12:00'] },
        'input.openingHours[0]',
        /day|Mo/i,
      ],
      ['name length', { name: 'B'.repeat(201) }, 'input.name', /200/],
      ['empty name', { name: '   ' }, 'input.name', /empty/],
      [
        'description length',
        { description: { fr: 'x'.repeat(5001) } },
        'input.description.fr',
        /5000/,
      ],
    ];

    it.each(badCases)('%s', async (_label, override, field, reason) => {
      const before = await snapshot(namur.db, ['business', 'business_activity']);
      const response = await namur.query(
        CREATE,
        { commune: NAMUR.code, input: namurBusiness({ name: 'Valid Name', ...override }) },
        editor,
      );
      const error = response.errors?.[0];
      expect(error?.extensions?.['code']).toBe('BAD_USER_INPUT');
      const problems = error?.extensions?.['problems'] as { field: string; reason: string }[];
      const problem = problems.find((p) => p.field === field);
      expect(problem).toBeDefined();
      expect(problem?.reason).toMatch(reason);
      expect(await snapshot(namur.db, ['business', 'business_activity'])).toBe(before);
    });

    it('refuses the same enterprise number twice in one commune', async () => {
      const first = await create(namurBusiness({ name: 'Café de la Gare' }));
      const before = await snapshot(namur.db, ['business', 'business_activity']);
      const again = await namur.query(
        CREATE,
        {
          commune: NAMUR.code,
          input: namurBusiness({ name: 'Café Bis', enterpriseNumber: first.enterpriseNumber }),
        },
        editor,
      );
      expect(again.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.enterpriseNumber',
      });
      expect(again.errors?.[0]?.extensions?.['reason']).toMatch(/already/);
      expect(await snapshot(namur.db, ['business', 'business_activity'])).toBe(before);
    });

    it('refuses an invalid update and keeps the business as it was', async () => {
      const created = await create(namurBusiness({ name: 'Fleuriste Iris' }));
      const before = await snapshot(namur.db, ['business', 'business_activity']);
      const response = await namur.query(
        UPDATE,
        {
          commune: NAMUR.code,
          id: created.id,
          input: {
            name: '',
            activities: [{ naceVersion: 'NACE_2008', code: '47.76', main: true }],
            contacts: { email: 'x@' },
          },
        },
        editor,
      );
      const fields = (response.errors?.[0]?.extensions?.['problems'] as { field: string }[]).map(
        (p) => p.field,
      );
      expect(fields).toEqual(expect.arrayContaining(['input.name', 'input.contacts.email']));
      expect(await snapshot(namur.db, ['business', 'business_activity'])).toBe(before);
    });

    it('refuses page sizes above 100 and foreign cursors', async () => {
      const big = await namur.query(LIST, { first: 101 });
      expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const cursor = await namur.query(LIST, { after: 'garbage' });
      expect(cursor.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
      const distance = await namur.query(LIST, { orderBy: { field: 'DISTANCE' } });
      expect(distance.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'orderBy.field',
      });
      const near = await namur.query(LIST, { filter: { near: { lat: 50.46, lon: 4.86, km: 0 } } });
      expect(near.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.near.km',
      });
    });
  });

  describe('French communes', () => {
    let lille: TestNode;
    beforeAll(async () => {
      lille = await startTestNode({ ...LILLE, database, hubPublicKey: keys.publicKey });
    });
    afterAll(() => lille?.close());

    it('checks SIREN with Luhn and French postal codes', async () => {
      const headers = await keys.headersFor({ [LILLE.code]: ['editor'] });
      const input = {
        enterpriseNumber: siren('73282932'),
        name: 'Estaminet du Vieux-Lille',
        activities: [{ naceVersion: 'NACE_2008', code: '56.10', main: true }],
        address: { street: 'Rue de Gand', number: '8', postalCode: '59800', locality: 'Lille' },
      };
      const created = await lille.query<{ createBusiness: Business }>(
        CREATE,
        { commune: LILLE.code, input },
        headers,
      );
      expect(dataOf(created).createBusiness).toMatchObject({
        enterpriseNumber: siren('73282932'),
        address: { countryCode: 'FR' },
      });
      const before = await snapshot(lille.db, ['business', 'business_activity']);
      const wrongLuhn = `${siren('12345678').slice(0, 8)}${(Number(siren('12345678')[8]) + 1) % 10}`;
      const bad = await lille.query(
        CREATE,
        {
          commune: LILLE.code,
          input: {
            ...input,
            enterpriseNumber: wrongLuhn,
            address: { ...input.address, postalCode: '5900' },
          },
        },
        headers,
      );
      const fields = (bad.errors?.[0]?.extensions?.['problems'] as { field: string }[]).map(
        (p) => p.field,
      );
      expect(fields).toEqual(
        expect.arrayContaining(['input.enterpriseNumber', 'input.address.postalCode']),
      );
      expect(await snapshot(lille.db, ['business', 'business_activity'])).toBe(before);
    });
  });

  describe('queries', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      ids = {};
      const make = async (name: string, extra: Record<string, unknown>) => {
        ids[name] = (await create(namurBusiness({ name, ...extra }))).id;
      };
      await make('Boulangerie Dupont', { description: { fr: 'Pain artisanal' } });
      await make('Café des Artistes', {
        activities: [{ naceVersion: 'NACE_2008', code: '56.301', main: true }],
        address: { street: 'Place du Marché aux Légumes', postalCode: '5000', locality: 'Namur' },
        location: { lat: 50.4645, lon: 4.8665 },
      });
      await make('Coiffure Élodie', {
        activities: [{ naceVersion: 'NACE_2008', code: '96.021', main: true }],
        address: { street: 'Avenue Jean Materne', postalCode: '5100', locality: 'Jambes' },
        location: { lat: 50.4555, lon: 4.8781 },
      });
      await make('Ferme de Wépion', {
        activities: [{ naceVersion: 'NACE_2008', code: '01.250', main: true }],
        address: { street: 'Chaussée de Dinant', postalCode: '5100', locality: 'Wépion' },
        location: { lat: 50.4133, lon: 4.8644 },
      });
    });

    const names = (data: { businesses: { edges: { node: { name: string } }[] } }) =>
      data.businesses.edges.map((e) => e.node.name);

    it('searches French full text, ignoring accents and plurals', async () => {
      const plural = dataOf(await namur.query<any>(LIST, { filter: { search: 'boulangeries' } }));
      expect(names(plural)).toContain('Boulangerie Dupont');
      const accents = dataOf(
        await namur.query<any>(LIST, { filter: { search: 'elodie coiffure' } }),
      );
      expect(names(accents)).toEqual(['Coiffure Élodie']);
      const accented = dataOf(await namur.query<any>(LIST, { filter: { search: 'wepion' } }));
      expect(names(accented)).toEqual(['Ferme de Wépion']);
    });

    it('filters by NACE prefix, postal code, status and distance', async () => {
      expect(names(dataOf(await namur.query<any>(LIST, { filter: { nace: '96.02' } })))).toEqual([
        'Coiffure Élodie',
      ]);
      expect(names(dataOf(await namur.query<any>(LIST, { filter: { nace: '56' } })))).toEqual([
        'Café des Artistes',
      ]);
      expect(
        names(dataOf(await namur.query<any>(LIST, { filter: { postalCode: '5100' } }))),
      ).toEqual(['Coiffure Élodie', 'Ferme de Wépion']);
      const near = dataOf(
        await namur.query<any>(LIST, {
          filter: { near: { lat: 50.4645, lon: 4.8665, km: 2 } },
          orderBy: { field: 'DISTANCE' },
          first: 100,
        }),
      );
      const nearNames = names(near);
      expect(nearNames[0]).toBe('Café des Artistes');
      expect(nearNames).not.toContain('Ferme de Wépion');
      const distances = near.businesses.edges.map((e: any) => e.node.distanceKm);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(distances.every((d: number) => d <= 2)).toBe(true);
      await namur.query(CLOSE, { commune: NAMUR.code, id: ids['Ferme de Wépion'] }, editor);
      expect(
        names(
          dataOf(
            await namur.query<any>(LIST, { filter: { postalCode: '5100', status: 'ACTIVE' } }),
          ),
        ),
      ).toEqual(['Coiffure Élodie']);
      await namur.query(REOPEN, { commune: NAMUR.code, id: ids['Ferme de Wépion'] }, editor);
    });

    it('returns nothing for a communes list that does not name this commune', async () => {
      const other = dataOf(await namur.query<any>(LIST, { communes: [LILLE.code] }));
      expect(other.businesses).toEqual({
        totalCount: 0,
        edges: [],
        pageInfo: {
          hasNextPage: false,
          hasPreviousPage: false,
          startCursor: null,
          endCursor: null,
        },
      });
      const named = dataOf(await namur.query<any>(LIST, { communes: [LILLE.code, NAMUR.code] }));
      expect(named.businesses.totalCount).toBeGreaterThan(0);
      const one = dataOf(
        await namur.query<any>(ONE, { communeCode: LILLE.code, id: ids['Boulangerie Dupont'] }),
      );
      expect(one.business).toBeNull();
    });

    it('counts businesses by NACE section', async () => {
      const counts = dataOf(await namur.query<any>(SECTORS, {})).businessCountsBySector;
      const total = dataOf(await namur.query<any>(LIST, {})).businesses.totalCount;
      expect(counts.reduce((sum: number, b: any) => sum + b.count, 0)).toBe(total);
      expect(counts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: 'NACE_2008/S', section: 'S', count: 1 }),
        ]),
      );
      expect(
        dataOf(await namur.query<any>(SECTORS, { communes: [LILLE.code] })).businessCountsBySector,
      ).toEqual([]);
    });

    it.each(['ASC', 'DESC'])(
      'pages by DISTANCE %s, ties at one address included, each once',
      async (direction) => {
        // Two more businesses in the same building as the café: equal distances, ordered by id.
        for (const name of ['Cabinet Médical du Marché', 'Opticien du Marché']) {
          const id = (
            await create(
              namurBusiness({
                name: `${name} ${direction}`,
                location: { lat: 50.4645, lon: 4.8665 },
              }),
            )
          ).id;
          ids[`${name} ${direction}`] = id;
        }
        const filter = { near: { lat: 50.4669, lon: 4.8675, km: 10 } };
        const orderBy = { field: 'DISTANCE', direction };
        const all = dataOf(
          await namur.query<any>(LIST, { filter, orderBy, first: 100 }),
        ).businesses;
        const distances = all.edges.map((e: any) => e.node.distanceKm);
        const sorted = [...distances].sort((a, b) => (direction === 'ASC' ? a - b : b - a));
        expect(distances).toEqual(sorted);
        const seen: string[] = [];
        let after: string | null = null;
        for (let i = 0; i < 100; i++) {
          const page: any = dataOf(
            await namur.query<any>(LIST, { filter, orderBy, first: 1, after }),
          ).businesses;
          seen.push(...page.edges.map((e: any) => e.node.id));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(seen).toEqual(all.edges.map((e: any) => e.node.id));
        expect(all.totalCount).toBe(seen.length);
      },
    );

    it.each([
      ['NAME', 'ASC'],
      ['NAME', 'DESC'],
      ['CREATED_AT', 'ASC'],
      ['CREATED_AT', 'DESC'],
    ])(
      'pages by %s %s with keyset cursors: every business that stays, exactly once',
      async (field, direction) => {
        const all = dataOf(
          await namur.query<any>(LIST, { first: 100, orderBy: { field, direction } }),
        ).businesses;
        const stable = new Set<string>(all.edges.map((e: any) => e.node.id));
        const seen: string[] = [];
        let after: string | null = null;
        let round = 0;
        for (;;) {
          const page: any = dataOf(
            await namur.query<any>(LIST, { first: 2, after, orderBy: { field, direction } }),
          ).businesses;
          seen.push(...page.edges.map((e: any) => e.node.id));
          expect(page.totalCount).toBeGreaterThanOrEqual(all.totalCount);
          // Others come and go between pages.
          const added = await create(
            namurBusiness({ name: `${field} ${direction} interloper ${round++}` }),
          );
          await namur.query(CLOSE, { commune: NAMUR.code, id: added.id }, editor);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        const seenStable = seen.filter((id) => stable.has(id));
        expect(seenStable).toEqual(all.edges.map((e: any) => e.node.id));
        expect(new Set(seen).size).toBe(seen.length);
      },
    );
  });
});
