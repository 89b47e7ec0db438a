import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '../support/databases';
import { DECIDE } from './operations';
import { problemsOf, useNamur } from './suite';

type Row = Record<string, any>;

/** Votes recorded with decisions: consistency, field paths, nothing stored when refused. */
describe.each(testDatabaseKinds())('deliberations: votes on %s', (database) => {
  const s = useNamur(database);
  const { as, send, unchanged } = s;

  describe('votes', () => {
    let target: Row;
    let meeting: Row;
    let valid: Row[];

    beforeAll(async () => {
      const published = await s.clerk.publishedMeetingWith(
        [{ title: 'Votes cible' }, {}, {}, {}, {}],
        { startsAt: '2026-06-18T19:30:00+02:00' },
      );
      meeting = published.meeting;
      [target, ...valid] = published.items as [Row, ...Row[]];
    });

    // Cases name members by family name; the ids exist once the suite has seeded them.
    const voter = (name: string, vote = 'YES') => ({ person: name, vote });
    const withIds = (votes: Row | null) =>
      votes && {
        ...votes,
        voters: votes['voters']?.map((v: Row) => ({
          ...v,
          person: s.people[v['person']] ?? v['person'],
        })),
      };
    const badCases: [string, string, Row | null, string[], RegExp][] = [
      [
        'more votes than members present',
        'ACCEPTED',
        {
          pollType: 'PUBLIC',
          present: 3,
          yes: 3,
          no: 1,
          abstain: 0,
          voters: [voter('Prévot'), voter('Barzin'), voter('Auspert'), voter('Mouget', 'NO')],
        },
        ['votes.present'],
        /fewer than yes \+ no \+ abstain \(4\)/,
      ],
      [
        'more present than members with a voting right',
        'ACCEPTED',
        { pollType: 'SECRET', present: 6, yes: 6, no: 0, abstain: 0 },
        ['votes.present'],
        /more than the 5 members of Conseil communal with a voting right/,
      ],
      [
        'a voter who is not a member',
        'ACCEPTED',
        {
          pollType: 'PUBLIC',
          present: 2,
          yes: 2,
          no: 0,
          abstain: 0,
          voters: [voter('Prévot'), voter(randomUUID())],
        },
        ['votes.voters[1].person'],
        /not a member of Conseil communal/,
      ],
      [
        'a member without a voting right',
        'ACCEPTED',
        {
          pollType: 'PUBLIC',
          present: 2,
          yes: 2,
          no: 0,
          abstain: 0,
          voters: [voter('Prévot'), voter('Ghekiere')],
        },
        ['votes.voters[1].person'],
        /without a voting right/,
      ],
      [
        'a former member',
        'ACCEPTED',
        { pollType: 'PUBLIC', present: 1, yes: 1, no: 0, abstain: 0, voters: [voter('Élu')] },
        ['votes.voters[0].person'],
        /not a member of Conseil communal on the meeting's date/,
      ],
      [
        'a voter twice',
        'ACCEPTED',
        {
          pollType: 'PUBLIC',
          present: 3,
          yes: 3,
          no: 0,
          abstain: 0,
          voters: [voter('Prévot'), voter('Barzin'), voter('Prévot')],
        },
        ['votes.voters[2].person'],
        /votes twice \(also votes.voters\[0\]\)/,
      ],
      [
        'counts that disagree with the voters',
        'ACCEPTED',
        {
          pollType: 'PUBLIC',
          present: 3,
          yes: 2,
          no: 1,
          abstain: 0,
          voters: [voter('Prévot'), voter('Barzin', 'NO'), voter('Auspert', 'NO')],
        },
        ['votes.yes', 'votes.no'],
        /is 2 but 1 voters voted YES/,
      ],
      [
        'a public vote without its voters',
        'REFUSED',
        { pollType: 'PUBLIC', present: 3, yes: 0, no: 3, abstain: 0 },
        ['votes.voters'],
        /lists each voter/,
      ],
      [
        'a secret vote naming voters',
        'ACCEPTED',
        { pollType: 'SECRET', present: 1, yes: 1, no: 0, abstain: 0, voters: [voter('Prévot')] },
        ['votes.voters'],
        /SECRET vote names no voters/,
      ],
      ['an acceptance without votes', 'ACCEPTED', null, ['votes'], /needs the votes/],
      [
        'a delay with votes',
        'DELAYED',
        { pollType: 'SECRET', present: 1, yes: 1, no: 0, abstain: 0 },
        ['votes'],
        /DELAYED takes no votes/,
      ],
      [
        'a refusal without a poll',
        'REFUSED',
        { pollType: 'NONE', present: 5, yes: 5, no: 0, abstain: 0 },
        ['votes.pollType'],
        /REFUSED needs a PUBLIC or SECRET vote/,
      ],
      [
        'a negative count',
        'ACCEPTED',
        { pollType: 'SECRET', present: 5, yes: 4, no: -1, abstain: 0 },
        ['votes.no'],
        /0 or more/,
      ],
      [
        'a refusal carried by the yes votes',
        'REFUSED',
        { pollType: 'SECRET', present: 5, yes: 3, no: 2, abstain: 0 },
        ['decision'],
        /at least as many no as yes/,
      ],
      [
        'many problems at once',
        'ACCEPTED',
        {
          pollType: 'PUBLIC',
          present: 7,
          yes: 2,
          no: 0,
          abstain: 0,
          voters: [voter('Prévot'), voter('Ghekiere'), voter('Prévot')],
        },
        ['votes.present', 'votes.voters[1].person', 'votes.voters[2].person', 'votes.yes'],
        /./,
      ],
    ];

    it.each(badCases)(
      'refuses %s, naming each field, storing nothing',
      async (_label, decision, votes, fields, reason) => {
        const response = await unchanged(async () =>
          send(DECIDE, { id: target.id, decision, votes: withIds(votes) }, await as('secretary')),
        );
        const { code, problems } = problemsOf(response);
        expect(code).toBe('BAD_USER_INPUT');
        expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(fields));
        expect(problems.map((p) => p.field).sort()).toEqual([...new Set(fields)].sort());
        expect(problems.find((p) => p.field === fields[0])?.reason).toMatch(reason);
      },
    );

    it('stores public, secret and unpolled votes, and decisions without votes', async () => {
      const [pub, secret, consent, delayed] = valid as [Row, Row, Row, Row];
      const publicVote = await s.clerk.decide(
        pub.id,
        'ACCEPTED',
        withIds({
          pollType: 'PUBLIC',
          present: 5,
          yes: 3,
          no: 1,
          abstain: 1,
          voters: [
            voter('Prévot'),
            voter('Barzin'),
            voter('Auspert'),
            voter('Mouget', 'NO'),
            voter('Sohier', 'ABSTAIN'),
          ],
        }),
      );
      expect(publicVote.votes).toMatchObject({
        pollType: 'PUBLIC',
        present: 5,
        yes: 3,
        no: 1,
        abstain: 1,
      });
      expect(publicVote.votes.voters.map((v: Row) => `${v.person.name}:${v.vote}`).sort()).toEqual([
        'Anne Barzin:YES',
        'Baudouin Sohier:ABSTAIN',
        'Charlotte Mouget:NO',
        'Maxime Prévot:YES',
        'Tanguy Auspert:YES',
      ]);
      expect(publicVote.decidedAt).toBe(new Date(meeting.startsAt).toISOString());
      const secretVote = await s.clerk.decide(secret.id, 'REFUSED', {
        pollType: 'SECRET',
        present: 4,
        yes: 1,
        no: 3,
        abstain: 0,
      });
      expect(secretVote.votes).toMatchObject({ pollType: 'SECRET', yes: 1, no: 3, voters: [] });
      const unanimous = await s.clerk.decide(
        consent.id,
        'ACCEPTED_BUT_MODIFIED',
        { pollType: 'NONE', present: 5, yes: 5, no: 0, abstain: 0 },
        'Décide, tel qu’amendé en séance, de…',
      );
      expect(unanimous).toMatchObject({
        state: 'ACCEPTED_BUT_MODIFIED',
        decision: 'Décide, tel qu’amendé en séance, de…',
        votes: { pollType: 'NONE', present: 5, yes: 5 },
      });
      const later = await s.clerk.decide(delayed.id, 'DELAYED');
      expect(later).toMatchObject({
        state: 'DELAYED',
        votes: null,
        decidedAt: publicVote.decidedAt,
      });
    });
  });
});
