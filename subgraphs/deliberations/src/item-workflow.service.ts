import type { EntityManager } from 'typeorm';
import { BadUserInput, type RequestContext } from '@communes/kit';
import type { VoteInput } from './generated/graphql';
import { authoriseWrite } from '@communes/kit';
import { Item } from './item.entity';
import { moveItem } from './item-history';
import { derivedItemColumns } from './item-input';
import { ITEM_ACTIONS, checkItemAction, type Decision, type ItemAction } from './item-transitions';
import { lockMeeting } from './meeting.service';
import { acceptsItems, takesDecisions } from './meeting-transitions';
import { lockItem } from './item.service';
import { Organization } from './organization.entity';
import { electorateOf } from './organization.service';
import { hasUnclosedMarker } from './personal-data';
import { localDate, timeZoneOf } from './time-zone';
import { Problems, TEXT_LIMITS, isUuid } from './validation';
import { Vote } from './vote.entity';
import { Voter } from './voter.entity';
import { checkVotes } from './votes';

/** The simple steps: the action's role, the state it starts from, one state it leads to. */
export async function stepItem(
  ctx: RequestContext,
  commune: string,
  id: string,
  action: Extract<ItemAction, 'propose' | 'validate' | 'freeze'>,
  comment?: string | null,
): Promise<Item> {
  const rule = ITEM_ACTIONS[action];
  const by = authoriseWrite(ctx, commune, rule.roles);
  const note = checkComment(comment);
  return ctx.db.transaction(async (tx) => {
    const item = await lockItem(tx, id);
    checkItemAction(item.state, action);
    return moveItem(tx, item, rule.to[0]!, by, note);
  });
}

/** Puts a validated item on the agenda of a meeting that is not frozen yet, numbered last. */
export async function presentItem(
  ctx: RequestContext,
  commune: string,
  id: string,
  meetingId: string,
): Promise<Item> {
  const by = authoriseWrite(ctx, commune, ITEM_ACTIONS.present.roles);
  return ctx.db.transaction(async (tx) => {
    // Meeting first, then item: the order every write that takes both locks them in.
    const meeting = await lockMeeting(tx, meetingId, 'meeting');
    const item = await lockItem(tx, id);
    checkItemAction(item.state, 'present');
    if (!meeting) {
      throw new BadUserInput([{ field: 'meeting', reason: 'is not a meeting of this commune' }]);
    }
    if (!acceptsItems(meeting.state)) {
      throw new BadUserInput([
        {
          field: 'meeting',
          reason: `meeting is ${meeting.state}; items join an agenda until the meeting freezes`,
        },
      ]);
    }
    const last = await tx
      .getRepository(Item)
      .createQueryBuilder('i')
      .select('COALESCE(MAX(i.number), 0)', 'number')
      .where('i.meeting_id = :meetingId', { meetingId })
      .getRawOne<{ number: number }>();
    item.meetingId = meeting.id;
    item.number = Number(last?.number ?? 0) + 1;
    return moveItem(tx, item, 'PRESENTED', by, null);
  });
}

export interface DecideArgs {
  decision: Decision;
  votes?: VoteInput | null;
  decisionText?: string | null;
}

/**
 * Records the meeting's decision on a frozen item, with its votes, dated at the meeting's
 * start. Every problem of the votes and the text is reported at once; nothing is stored then.
 */
export async function decideItem(
  ctx: RequestContext,
  commune: string,
  id: string,
  args: DecideArgs,
): Promise<Item> {
  const by = authoriseWrite(ctx, commune, ITEM_ACTIONS.decide.roles);
  return ctx.db.transaction(async (tx) => {
    const meetingId = isUuid(id) ? await meetingIdOf(tx, id) : null;
    const meeting = meetingId ? await lockMeeting(tx, meetingId, 'id') : null;
    const item = await lockItem(tx, id);
    checkItemAction(item.state, 'decide', args.decision);
    if (!meeting || !takesDecisions(meeting.state)) {
      throw new BadUserInput([
        {
          field: 'id',
          reason: `its meeting is ${meeting?.state ?? 'missing'}; decisions are taken once it is PUBLISHED`,
        },
      ]);
    }
    const problems = new Problems();
    const text = problems.optional('decisionText', args.decisionText, TEXT_LIMITS.decision);
    if (text !== null && hasUnclosedMarker(text)) {
      problems.add('decisionText', 'has a [[personal: …]] marker without its closing ]]');
    }
    const organization = await tx
      .getRepository(Organization)
      .findOneByOrFail({ id: meeting.organizationId });
    const electorate = await electorateOf(
      tx,
      organization,
      localDate(meeting.startsAt, timeZoneOf(ctx.commune.code)),
    );
    const votes = checkVotes(args.decision, args.votes, electorate);
    problems.list.push(...votes.problems);
    if (!problems.empty) throw new BadUserInput(problems.list);
    if (text !== null)
      Object.assign(item, { decision: text }, derivedItemColumns({ ...item, decision: text }));
    item.decidedAt = meeting.startsAt;
    if (votes.value) {
      const { voters, ...counts } = votes.value;
      await tx.insert(Vote, { itemId: item.id, ...counts });
      if (voters.length > 0) {
        await tx.insert(
          Voter,
          voters.map((v) => ({ itemId: item.id, ...v })),
        );
      }
    }
    return moveItem(tx, item, args.decision, by, null);
  });
}

/** The meeting an item is on, read without a lock so that the meeting can be locked first. */
async function meetingIdOf(tx: EntityManager, id: string): Promise<string | null> {
  const row = await tx
    .getRepository(Item)
    .createQueryBuilder('i')
    .select('i.meeting_id', 'meetingId')
    .where('i.id = :id', { id })
    .getRawOne<{ meetingId: string | null }>();
  return row?.meetingId ?? null;
}

function checkComment(comment: string | null | undefined): string | null {
  const problems = new Problems();
  const note = problems.optional('comment', comment, TEXT_LIMITS.comment);
  if (!problems.empty) throw new BadUserInput(problems.list);
  return note;
}
