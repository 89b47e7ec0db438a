import { testDatabaseKinds } from '../support/databases';
import { LIEGE, NAMUR } from '../fixtures/communes';
import { COUNTS_BY_TOPIC, ENTITIES, ITEM, ITEMS, MEETING, MEETINGS } from './operations';
import { useNamur } from './suite';

type Row = Record<string, any>;

/** What anonymous callers, other communes' staff and the commune's staff may see. */
describe.each(testDatabaseKinds())('deliberations: visibility on %s', (database) => {
  const s = useNamur(database);
  const { as, read } = s;

  describe('visibility', () => {
    const ids: Record<string, string> = {};
    const marked =
      'Octroie une prime à [[personal: Jean Dupont, rue des Fossés 3]] pour la façade.';

    beforeAll(async () => {
      ids['draft'] = (await s.clerk.createItem({ title: 'Visibilité brouillon' }))['id'];
      const open = await s.clerk.meeting({ title: 'Visibilité séance à venir' });
      ids['openMeeting'] = open['id'];
      ids['onOpenAgenda'] = (
        await s.clerk.itemAt('PRESENTED', { title: 'Visibilité ordre du jour' }, open['id'])
      )['id'];
      const { meeting, items } = await s.clerk.publishedMeetingWith([
        { title: 'Visibilité prime façade', decision: marked },
        { title: 'Visibilité huis clos', public: false },
      ]);
      ids['publishedMeeting'] = meeting['id'];
      ids['public'] = items[0]!['id'];
      ids['closed'] = items[1]!['id'];
    });

    const visibleIds = async (headers: Record<string, string>) => {
      const data = await read(ITEMS, { first: 100, filter: { search: 'visibilite' } }, headers);
      expect(data.items.totalCount).toBe(data.items.edges.length);
      return data.items.edges.map((e: Row) => e.node.id).sort();
    };

    it('shows anonymous callers and other communes public items of published meetings only', async () => {
      for (const headers of [{}, await as('admin', LIEGE.code)]) {
        expect(await visibleIds(headers)).toEqual([ids['public']]);
        const one = async (id: string) =>
          (await read(ITEM, { communeCode: NAMUR.code, id }, headers)).item;
        expect(await one(ids['draft']!)).toBeNull();
        expect(await one(ids['onOpenAgenda']!)).toBeNull();
        expect(await one(ids['closed']!)).toBeNull();
        const item = await one(ids['public']!);
        expect(item.decision).toBe(
          'Octroie une prime à [données personnelles masquées] pour la façade.',
        );
        expect(item.history).toEqual([]);
        const meeting = async (id: string) =>
          (await read(MEETING, { communeCode: NAMUR.code, id }, headers)).meeting;
        expect(await meeting(ids['openMeeting']!)).toBeNull();
        expect((await meeting(ids['publishedMeeting']!)).items.map((i: Row) => i.id)).toEqual([
          ids['public'],
        ]);
        const meetings = (await read(MEETINGS, { first: 100 }, headers)).meetings;
        const meetingIds = meetings.edges.map((e: Row) => e.node.id);
        expect(meetingIds).toContain(ids['publishedMeeting']);
        expect(meetingIds).not.toContain(ids['openMeeting']);
        expect(meetings.edges.every((e: Row) => e.node.state !== 'CREATED')).toBe(true);
        expect(meetings.totalCount).toBe(meetingIds.length);
      }
    });

    it('applies the same rules to references resolved for the hub', async () => {
      const representations = [
        { __typename: 'Meeting', communeCode: NAMUR.code, id: ids['openMeeting'] },
        { __typename: 'Meeting', communeCode: NAMUR.code, id: ids['publishedMeeting'] },
        { __typename: 'Item', communeCode: NAMUR.code, id: ids['closed'] },
        { __typename: 'Item', communeCode: NAMUR.code, id: ids['public'] },
        { __typename: 'Item', communeCode: LIEGE.code, id: ids['public'] },
        { __typename: 'Organization', communeCode: NAMUR.code, id: s.council.organization.id },
        { __typename: 'Person', communeCode: NAMUR.code, id: s.people['Prévot'] },
      ];
      const anonymous = (await read(ENTITIES, { representations }))._entities;
      expect(anonymous[0]).toBeNull();
      expect(anonymous[1].items).toEqual([{ id: ids['public'] }]);
      expect(anonymous[2]).toBeNull();
      expect(anonymous[3].decision).toMatch(/\[données personnelles masquées\]/);
      expect(anonymous[4]).toBeNull();
      expect(anonymous[5]).toEqual({ id: s.council.organization.id, name: 'Conseil communal' });
      expect(anonymous[6]).toEqual({ id: s.people['Prévot'], name: 'Maxime Prévot' });
      const staff = (await read(ENTITIES, { representations }, await as('editor')))._entities;
      expect(staff[0].items).toEqual([{ id: ids['onOpenAgenda'] }]);
      expect(staff[2].id).toBe(ids['closed']);
      expect(staff[3].decision).toBe(
        'Octroie une prime à Jean Dupont, rue des Fossés 3 pour la façade.',
      );
      const commune = [{ __typename: 'Commune', code: NAMUR.code }];
      const [publicView] = (await read(ENTITIES, { representations: commune }))._entities;
      const [staffView] = (
        await read(ENTITIES, { representations: commune }, await as('secretary'))
      )._entities;
      const allPublic = (await read(ITEMS, { first: 100 })).items.totalCount;
      expect(publicView.communeItems.totalCount).toBe(allPublic);
      expect(staffView.communeItems.totalCount).toBeGreaterThan(allPublic);
      expect(publicView.communeMeetings.edges.map((e: Row) => e.node.id)).not.toContain(
        ids['openMeeting'],
      );
      expect(staffView.communeMeetings.edges.map((e: Row) => e.node.id)).toContain(
        ids['openMeeting'],
      );
      const [other] = (
        await read(ENTITIES, { representations: [{ __typename: 'Commune', code: LIEGE.code }] })
      )._entities;
      expect(other).toBeNull();
    });

    it('shows staff of the commune everything, personal data unmasked', async () => {
      for (const role of ['editor', 'secretary', 'admin'] as const) {
        expect(await visibleIds(await as(role))).toEqual(
          [ids['draft'], ids['onOpenAgenda'], ids['public'], ids['closed']].sort(),
        );
      }
      const { item } = await read(
        ITEM,
        { communeCode: NAMUR.code, id: ids['public'] },
        await as('editor'),
      );
      expect(item.decision).toBe(
        'Octroie une prime à Jean Dupont, rue des Fossés 3 pour la façade.',
      );
      expect(item.history.length).toBeGreaterThan(0);
    });

    it('counts only what the caller may see, and never finds an item by its personal data', async () => {
      const count = async (headers: Record<string, string>) =>
        (await read(COUNTS_BY_TOPIC, { filter: { search: 'visibilite' } }, headers))
          .itemCountsByTopic;
      expect(await count({})).toEqual([{ key: '7.1', name: 'Décisions budgétaires', count: 1 }]);
      expect(await count(await as('editor'))).toEqual([
        { key: '7.1', name: 'Décisions budgétaires', count: 4 },
      ]);
      const search = await read(ITEMS, { filter: { search: 'Dupont' } }, await as('editor'));
      expect(search.items.totalCount).toBe(0);
    });
  });
});
