import { checkVotes, type Electorate, type VotesInput } from './votes';

const electorate: Electorate = {
  organizationName: 'Conseil communal',
  voting: new Set(['a', 'b', 'c']),
  withoutVote: new Set(['d']),
};

const fields = (decision: Parameters<typeof checkVotes>[0], votes: VotesInput | null) =>
  checkVotes(decision, votes, electorate).problems.map((p) => p.field);

describe('checkVotes', () => {
  it('accepts a consistent public vote and keeps its voters', () => {
    const { problems, value } = checkVotes(
      'ACCEPTED',
      {
        pollType: 'PUBLIC',
        present: 3,
        yes: 2,
        no: 0,
        abstain: 1,
        voters: [
          { person: 'a', vote: 'YES' },
          { person: 'b', vote: 'YES' },
          { person: 'c', vote: 'ABSTAIN' },
        ],
      },
      electorate,
    );
    expect(problems).toEqual([]);
    expect(value?.voters).toHaveLength(3);
  });

  it('allows no poll for unanimous consent only', () => {
    const consent = { pollType: 'NONE', present: 3, yes: 3, no: 0, abstain: 0 } as const;
    expect(fields('ACCEPTED_BUT_MODIFIED', consent)).toEqual([]);
    expect(fields('ACCEPTED', { ...consent, yes: 2, no: 1 })).toEqual(['votes.yes']);
    expect(fields('REFUSED', { ...consent, yes: 0, no: 3 })).toEqual([
      'votes.pollType',
      'votes.yes',
    ]);
  });

  it('lets ties go either way, but not a majority against the decision', () => {
    const tie = { pollType: 'SECRET', present: 2, yes: 1, no: 1, abstain: 0 } as const;
    expect(fields('ACCEPTED', tie)).toEqual([]);
    expect(fields('REFUSED', tie)).toEqual([]);
    expect(fields('ACCEPTED', { ...tie, yes: 0, no: 2 })).toEqual(['decision']);
    expect(fields('ACCEPTED', { ...tie, yes: 0, no: 0 })).toEqual(['decision']);
  });

  it('names voters who are no members, have no vote, or vote twice', () => {
    const voters = [
      { person: 'a', vote: 'YES' },
      { person: 'd', vote: 'YES' },
      { person: 'z', vote: 'YES' },
      { person: 'a', vote: 'YES' },
    ] as const;
    const result = checkVotes(
      'ACCEPTED',
      { pollType: 'PUBLIC', present: 3, yes: 3, no: 0, abstain: 0, voters: [...voters] },
      electorate,
    );
    expect(result.problems).toEqual([
      { field: 'votes.voters[1].person', reason: expect.stringMatching(/without a voting right/) },
      { field: 'votes.voters[2].person', reason: expect.stringMatching(/not a member/) },
      { field: 'votes.voters[3].person', reason: 'votes twice (also votes.voters[0])' },
      { field: 'votes.yes', reason: 'is 3 but 4 voters voted YES' },
    ]);
    expect(result.value).toBeNull();
  });

  it('takes no votes for DELAYED and REMOVED, and needs them for the others', () => {
    expect(fields('DELAYED', null)).toEqual([]);
    expect(
      fields('REMOVED', { pollType: 'SECRET', present: 0, yes: 0, no: 0, abstain: 0 }),
    ).toEqual(['votes']);
    expect(fields('REFUSED', null)).toEqual(['votes']);
  });
});
