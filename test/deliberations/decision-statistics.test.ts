import { testDatabaseKinds } from '../support/databases';
import {
  DECISION_COUNTS,
  DECISION_STATISTICS,
  decidedItems,
  expectStatistics,
  expectedDecisionCounts,
  expectedDecisionStatistics,
  inMonths,
} from './decision-expectations';
import { problemsOf, useNamur } from './suite';

type Row = Record<string, any>;

const ZONE = 'Europe/Brussels';
const PUBLISHED = `query($communeCode: ID!, $id: ID!) { item(communeCode: $communeCode, id: $id) { id public publishedAt } }`;

const secret = (yes: number, no: number, abstain: number) => ({
  pollType: 'SECRET',
  present: yes + no + abstain,
  yes,
  no,
  abstain,
});
const consensus = (present: number) => ({
  pollType: 'NONE',
  present,
  yes: present,
  no: 0,
  abstain: 0,
});

/** Decisions counted by topic, month, body and state; publication delays and votes per commune. */
describe.each(testDatabaseKinds())(
  'deliberations: decision counts and statistics on %s',
  (database) => {
    const s = useNamur(database);
    let council: { meeting: Row; items: Row[] };
    let college: { meeting: Row; items: Row[] };
    let closedBetween: [number, number];

    beforeAll(async () => {
      council = await s.clerk.publishedMeetingWith(
        [
          { title: 'Budget 2025' },
          { title: 'Rénovation de la piscine', category: 'TRAVAUX' },
          { title: 'Taxe sur les mâts', category: 'FIN-TAXES' },
          { title: 'Transaction avec un agent', public: false },
          { title: 'Plan de mobilité', category: 'VOIRIE' },
          { title: 'Compte 2024' },
        ],
        { startsAt: '2025-03-12T19:30:00+01:00' },
      );
      const [budget, pool, tax, secretItem, mobility, accounts] = council.items.map((i) => i['id']);
      await s.clerk.decide(budget, 'ACCEPTED', secret(5, 0, 0));
      await s.clerk.decide(pool, 'ACCEPTED', secret(3, 1, 1));
      await s.clerk.decide(tax, 'REFUSED', secret(1, 2, 2));
      await s.clerk.decide(secretItem, 'ACCEPTED', secret(4, 0, 1));
      await s.clerk.decide(mobility, 'DELAYED');
      await s.clerk.decide(accounts, 'ACCEPTED', consensus(5));
      // 22:30 UTC on 30 April is 00:30 on 1 May in Namur: a May decision of the college.
      college = await s.clerk.publishedMeetingWith([{ title: 'Marché de fournitures' }, {}], {
        organization: s.college.organization.id,
        title: 'Collège communal',
        startsAt: '2025-04-30T22:30:00Z',
      });
      for (const item of college.items) await s.clerk.decide(item['id'], 'ACCEPTED', consensus(2));
      // Decided but not closed: counted, not yet published.
      const june = await s.clerk.publishedMeetingWith(
        [{ title: 'Règlement de voirie', category: 'VOIRIE' }],
        {
          startsAt: '2025-06-05T19:00:00+02:00',
        },
      );
      await s.clerk.decide(june.items[0]!['id'], 'ACCEPTED', secret(4, 1, 0));
      await s.clerk.moveMeeting(june.meeting['id'], 'DECIDED');
    });

    const publishedAt = async (id: string, headers: Row = {}) =>
      (await s.read(PUBLISHED, { communeCode: s.namur.commune.code, id }, headers)).item;

    it("publishes a meeting's public decisions when it closes, not before", async () => {
      const secretary = await s.as('secretary');
      await s.clerk.moveMeeting(council.meeting['id'], 'DECIDED');
      for (const item of council.items) {
        expect((await publishedAt(item['id'], secretary)).publishedAt).toBeNull();
      }
      const before = Date.now();
      await s.clerk.moveMeeting(council.meeting['id'], 'CLOSED');
      await s.clerk.moveMeeting(college.meeting['id'], 'DECIDED', 'CLOSED');
      closedBetween = [before, Date.now()];
      for (const item of [...council.items, ...college.items]) {
        const read = await publishedAt(item['id'], secretary);
        if (!read.public) {
          expect(read.publishedAt).toBeNull();
          continue;
        }
        const at = Date.parse(read.publishedAt);
        expect(at).toBeGreaterThanOrEqual(closedBetween[0] - 1);
        expect(at).toBeLessThanOrEqual(closedBetween[1] + 1);
      }
      // Anonymous callers see the public decision and when it was published.
      expect((await publishedAt(council.items[0]!['id'])).publishedAt).toEqual(expect.any(String));
      expect(await publishedAt(council.items[3]!['id'])).toBeNull();
    });

    it('counts decisions by topic, month in the commune time zone, body and state', async () => {
      for (const headers of [{}, await s.as('secretary')]) {
        const items = await decidedItems((q, v) => s.namur.query(q, v, headers));
        const counts = (await s.read(DECISION_COUNTS, {}, headers)).decisionCounts as Row[];
        const sorted = [...counts].sort((a, b) => (a['key'] < b['key'] ? -1 : 1));
        expect(sorted).toEqual(expectedDecisionCounts(items, ZONE));
        expect(counts.reduce((n, b) => n + b['count'], 0)).toBe(items.length);
      }
      const anonymous = (await s.read(DECISION_COUNTS, {})).decisionCounts as Row[];
      expect(anonymous.reduce((n, b) => n + b['count'], 0)).toBe(8);
      expect(anonymous).toContainEqual({
        key: '7.1|2025-05|COLLEGE|ACCEPTED',
        topic: '7.1',
        topicName: 'Décisions budgétaires',
        month: '2025-05',
        body: 'COLLEGE',
        state: 'ACCEPTED',
        count: 2,
      });
      expect(anonymous.find((b) => b['state'] === 'DELAYED')).toMatchObject({
        key: '8.3|2025-03|COUNCIL|DELAYED',
        count: 1,
      });
      const secretary = (await s.read(DECISION_COUNTS, {}, await s.as('secretary'))).decisionCounts;
      expect(secretary.find((b: Row) => b['key'] === '7.1|2025-03|COUNCIL|ACCEPTED').count).toBe(3);
    });

    it('counts within the months asked, both ends included', async () => {
      const items = await decidedItems((q, v) => s.namur.query(q, v));
      for (const [from, to] of [
        ['2025-05', '2025-05'],
        [null, '2025-04'],
        ['2025-04', null],
        ['2025-03', '2025-06'],
      ] as const) {
        const filter = { from, to };
        const counts = (await s.read(DECISION_COUNTS, { filter })).decisionCounts as Row[];
        const sorted = [...counts].sort((a, b) => (a['key'] < b['key'] ? -1 : 1));
        expect(sorted).toEqual(expectedDecisionCounts(inMonths(items, ZONE, from, to), ZONE));
        const statistics = (await s.read(DECISION_STATISTICS, { filter })).decisionStatistics;
        expect(statistics).toHaveLength(1);
        expectStatistics(
          statistics[0],
          expectedDecisionStatistics(inMonths(items, ZONE, from, to), s.namur.commune.code),
        );
      }
      const may = (await s.read(DECISION_COUNTS, { filter: { from: '2025-05', to: '2025-05' } }))
        .decisionCounts;
      expect(may.map((b: Row) => b['key'])).toEqual(['7.1|2025-05|COLLEGE|ACCEPTED']);
    });

    it('gives each commune its publication delays and votes, as its items say', async () => {
      for (const headers of [{}, await s.as('secretary')]) {
        const items = await decidedItems((q, v) => s.namur.query(q, v, headers));
        const statistics = (await s.read(DECISION_STATISTICS, {}, headers)).decisionStatistics;
        expect(statistics).toHaveLength(1);
        expectStatistics(statistics[0], expectedDecisionStatistics(items, s.namur.commune.code));
      }
      const [anonymous] = (await s.read(DECISION_STATISTICS, {})).decisionStatistics;
      // Public: 5 council decisions, 2 of the college, the June one; 4 of them by secret poll.
      expect(anonymous).toMatchObject({
        communeCode: s.namur.commune.code,
        decided: 8,
        published: 7,
        voted: 4,
        unanimous: 1,
        withAbstentions: 2,
        abstentions: 3,
      });
      // Five of the seven published decisions are the council's of March, all published at
      // one closing: the median and the 90th percentile are theirs, over 600 days.
      expect(anonymous.publicationDelayMedianDays).toBe(anonymous.publicationDelayP90Days);
      expect(anonymous.publicationDelayMedianDays).toBeGreaterThan(600);
      const [staff] = (await s.read(DECISION_STATISTICS, {}, await s.as('secretary')))
        .decisionStatistics;
      expect(staff).toMatchObject({ decided: 9, published: 7, voted: 5, abstentions: 4 });
      expect(
        (await s.read(DECISION_STATISTICS, { communes: ['FR-59350'] })).decisionStatistics,
      ).toEqual([]);
    });

    it('refuses a bad month, naming the filter field', async () => {
      for (const [filter, fields] of [
        [{ from: '2025-13' }, ['filter.from']],
        [{ to: '03/2025' }, ['filter.to']],
        [{ from: '2025-06', to: '2025-05' }, ['filter.to']],
        [{ from: '2025', to: '2025-02-01' }, ['filter.from', 'filter.to']],
      ] as const) {
        for (const query of [DECISION_COUNTS, DECISION_STATISTICS]) {
          const refused = problemsOf(await s.namur.query(query, { filter }));
          expect(refused.code).toBe('BAD_USER_INPUT');
          expect(refused.fields).toEqual(fields);
        }
      }
    });
  },
);
