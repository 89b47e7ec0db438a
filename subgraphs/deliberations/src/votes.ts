import type { FieldProblem } from '@communes/kit';
import type { PollType } from './vote.entity';
import type { VoteValue } from './voter.entity';
import type { Decision } from './item-transitions';

/** The votes as the client sent them (the contract's `VoteInput`). */
export interface VotesInput {
  pollType: PollType;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  voters?: readonly { person: string; vote: VoteValue }[] | null;
}

export interface CheckedVotes {
  pollType: PollType;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  voters: { personId: string; vote: VoteValue }[];
}

/** Who may vote at the meeting: members of its organization on the meeting's date. */
export interface Electorate {
  organizationName: string;
  /** Person ids of the members with a voting right. */
  voting: ReadonlySet<string>;
  /** Person ids of the members without one (named as such when they are listed as voters). */
  withoutVote: ReadonlySet<string>;
}

/** Decisions the meeting takes by a vote; the others (DELAYED, REMOVED) take none. */
const VOTED: readonly Decision[] = ['ACCEPTED', 'ACCEPTED_BUT_MODIFIED', 'REFUSED'];

const COUNTS = [
  ['yes', 'YES'],
  ['no', 'NO'],
  ['abstain', 'ABSTAIN'],
] as const;

/**
 * Checks the votes of a decision and reports every problem at once, with its field path.
 * A vote with pollType NONE records a decision by unanimous consent, without a poll: every
 * member present agrees, so it fits ACCEPTED and ACCEPTED_BUT_MODIFIED only.
 */
export function checkVotes(
  decision: Decision,
  votes: VotesInput | null | undefined,
  electorate: Electorate,
): { problems: FieldProblem[]; value: CheckedVotes | null } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, reason: string) => problems.push({ field, reason });
  if (!VOTED.includes(decision)) {
    if (votes) problem('votes', `${decision} takes no votes`);
    return { problems, value: null };
  }
  if (!votes) {
    problem('votes', `${decision} needs the votes (pollType NONE for unanimous consent)`);
    return { problems, value: null };
  }
  const { pollType, present, yes, no, abstain } = votes;
  const voters = votes.voters ?? [];
  let countsValid = true;
  for (const field of ['present', 'yes', 'no', 'abstain'] as const) {
    if (!Number.isInteger(votes[field]) || votes[field] < 0) {
      problem(`votes.${field}`, 'must be a whole number, 0 or more');
      countsValid = false;
    }
  }
  if (countsValid) {
    if (yes + no + abstain > present) {
      problem(
        'votes.present',
        `is ${present}, fewer than yes + no + abstain (${yes + no + abstain})`,
      );
    }
    if (present > electorate.voting.size) {
      problem(
        'votes.present',
        `is ${present}, more than the ${electorate.voting.size} members of ${electorate.organizationName} with a voting right`,
      );
    }
    checkOutcome(decision, pollType, yes, no, problem);
  }
  switch (pollType) {
    case 'SECRET':
      if (voters.length > 0) problem('votes.voters', 'a SECRET vote names no voters');
      break;
    case 'NONE':
      if (voters.length > 0) problem('votes.voters', 'a decision without a poll names no voters');
      if (decision === 'REFUSED') {
        problem(
          'votes.pollType',
          'NONE (unanimous consent) adopts; REFUSED needs a PUBLIC or SECRET vote',
        );
      }
      if (countsValid && (yes !== present || no !== 0 || abstain !== 0)) {
        problem(
          'votes.yes',
          `must be every member present (${present}), with no and abstain 0, for pollType NONE`,
        );
      }
      break;
    case 'PUBLIC':
      if (voters.length === 0 && yes + no + abstain > 0) {
        problem('votes.voters', 'a PUBLIC vote lists each voter and their vote');
      } else {
        checkVoters(voters, electorate, problem);
        if (countsValid) {
          for (const [field, value] of COUNTS) {
            const cast = voters.filter((v) => v.vote === value).length;
            if (cast !== votes[field]) {
              problem(`votes.${field}`, `is ${votes[field]} but ${cast} voters voted ${value}`);
            }
          }
        }
      }
      break;
  }
  if (problems.length > 0) return { problems, value: null };
  return {
    problems,
    value: {
      pollType,
      present,
      yes,
      no,
      abstain,
      voters:
        pollType === 'PUBLIC' ? voters.map((v) => ({ personId: v.person, vote: v.vote })) : [],
    },
  };
}

/**
 * The counts must carry the decision. Ties may go either way: Belgian councils refuse on a
 * tie, French ones let the president's vote decide a public vote.
 */
function checkOutcome(
  decision: Decision,
  pollType: PollType,
  yes: number,
  no: number,
  problem: (field: string, reason: string) => void,
): void {
  if (pollType === 'NONE') return;
  if (decision === 'REFUSED' && yes > no) {
    problem('decision', `REFUSED needs at least as many no as yes votes (${yes} yes, ${no} no)`);
  }
  if (decision !== 'REFUSED' && (yes < no || yes === 0)) {
    problem('decision', `${decision} needs more yes than no votes (${yes} yes, ${no} no)`);
  }
}

function checkVoters(
  voters: readonly { person: string; vote: VoteValue }[],
  electorate: Electorate,
  problem: (field: string, reason: string) => void,
): void {
  const seen = new Map<string, number>();
  voters.forEach((voter, i) => {
    const field = `votes.voters[${i}].person`;
    const earlier = seen.get(voter.person);
    if (earlier !== undefined) {
      problem(field, `votes twice (also votes.voters[${earlier}])`);
      return;
    }
    seen.set(voter.person, i);
    if (electorate.withoutVote.has(voter.person)) {
      problem(field, `is a member of ${electorate.organizationName} without a voting right`);
    } else if (!electorate.voting.has(voter.person)) {
      problem(field, `is not a member of ${electorate.organizationName} on the meeting's date`);
    }
  });
}
