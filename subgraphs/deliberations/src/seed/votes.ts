import type { Faker } from '@faker-js/faker';
import type { Decision } from '../item-transitions';
import type { PollType } from '../vote.entity';
import type { VoteValue } from '../voter.entity';
import { chance, int, pick } from './random';
import type { SeedMember } from './members';

/**
 * How a body votes on an item: by consensus; the majority for and the opposition against or
 * abstaining; on an opposition motion; by secret ballot (appointments, designations).
 */
export type Politics = 'consensus' | 'majority' | 'opposition' | 'secret';

export interface SeedVotes {
  pollType: PollType;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  /** Public votes: each member present, by name (the seed finds their person). */
  voters: { name: string; vote: VoteValue }[];
}

/** Who attends the meeting: every voting member but a few absentees. */
export function attendance(faker: Faker, members: readonly SeedMember[]): SeedMember[] {
  const voting = members.filter((m) => m.votingRight);
  const absent = Math.min(
    voting.length - 1,
    int(faker, 0, Math.max(1, Math.round(voting.length / 10))),
  );
  const away = new Set(faker.helpers.arrayElements(voting, absent).map((m) => m.name));
  return voting.filter((m) => !away.has(m.name));
}

/** What the secretariat expects of an item; a vote may still refuse it. */
export type IntendedDecision = Exclude<Decision, 'REFUSED'>;

/**
 * The vote on an item and the decision it carries: an item the votes do not carry (an
 * opposition motion the majority rejects) is REFUSED, as Belgian rules also do on a tie.
 * DELAYED and REMOVED take no vote.
 */
export function generateVote(
  faker: Faker,
  present: readonly SeedMember[],
  politics: Politics,
  wanted: IntendedDecision,
): { decision: Decision; votes: SeedVotes | null } {
  if (wanted === 'DELAYED' || wanted === 'REMOVED') return { decision: wanted, votes: null };
  if (politics === 'consensus' && chance(faker, 0.5)) {
    const n = present.length;
    return {
      decision: wanted,
      votes: { pollType: 'NONE', present: n, yes: n, no: 0, abstain: 0, voters: [] },
    };
  }
  const ballots = present.map((m) => ({ name: m.name, vote: ballot(faker, m, politics) }));
  const count = (value: VoteValue) => ballots.filter((b) => b.vote === value).length;
  const yes = count('YES');
  const no = count('NO');
  const abstain = count('ABSTAIN');
  const decision: Decision = yes > no ? wanted : 'REFUSED';
  if (politics === 'secret') {
    // A blank or spoiled ballot counts as present, not as a vote cast.
    const blank = chance(faker, 0.3) && yes > no + 1 ? 1 : 0;
    return {
      decision,
      votes: {
        pollType: 'SECRET',
        present: present.length,
        yes: yes - blank,
        no,
        abstain,
        voters: [],
      },
    };
  }
  return {
    decision,
    votes: { pollType: 'PUBLIC', present: present.length, yes, no, abstain, voters: ballots },
  };
}

function ballot(faker: Faker, member: SeedMember, politics: Politics): VoteValue {
  switch (politics) {
    case 'consensus':
      return chance(faker, 0.03) ? 'ABSTAIN' : 'YES';
    case 'majority':
      if (member.majority) return chance(faker, 0.02) ? 'ABSTAIN' : 'YES';
      return pick(faker, ['NO', 'NO', 'ABSTAIN'] as const);
    case 'opposition':
      // The motion comes from the opposition: the majority votes it down.
      if (chance(faker, 0.05)) return 'ABSTAIN';
      return member.majority ? 'NO' : 'YES';
    case 'secret':
      return chance(faker, 0.85) ? 'YES' : pick(faker, ['NO', 'ABSTAIN'] as const);
  }
}
