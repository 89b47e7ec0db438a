import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  BadUserInput,
  NotFound,
  emptyConnection,
  keysetPage,
  lockById,
  namesCommune,
  readPage,
  type Connection,
  type RequestContext,
} from '@communes/kit';
import type { CreateMeetingInput, QueryMeetingsArgs } from './generated/graphql';
import { authoriseWrite } from '@communes/kit';
import { ROLES } from './access';
import { Item } from './item.entity';
import { isDecided } from './item-transitions';
import { moveItem } from './item-history';
import { Meeting, type MeetingState } from './meeting.entity';
import { checkMeetingInput } from './meeting-input';
import { MEETING_ORDER, applyMeetingFilter, checkMeetingFilter } from './meeting-query';
import { checkMeetingTransition } from './meeting-transitions';
import { Organization } from './organization.entity';
import { timeZoneOf } from './time-zone';
import { Problems, isUuid } from './validation';
import { visibleMeetings } from './visibility';

type ListArgs = Omit<QueryMeetingsArgs, 'communes'> & { communes?: readonly string[] | null };

export async function listMeetings(
  ctx: RequestContext,
  args: ListArgs,
): Promise<Connection<Meeting>> {
  const page = readPage(args, { field: 'STARTS_AT', direction: 'DESC' });
  const filter = checkMeetingFilter(args.filter);
  if (!namesCommune(args.communes, ctx.commune.code)) return emptyConnection();
  const filtered = () =>
    applyMeetingFilter(
      visibleMeetings(ctx.db.getRepository(Meeting).createQueryBuilder('m'), ctx),
      filter,
      timeZoneOf(ctx.commune.code),
    );
  return keysetPage(filtered, page, MEETING_ORDER[page.field], (m) => m.startsAt.toISOString());
}

/** A meeting the caller may see, or null. */
export async function getMeeting(
  ctx: RequestContext,
  communeCode: string,
  id: string,
): Promise<Meeting | null> {
  if (communeCode !== ctx.commune.code || !isUuid(id)) return null;
  const qb = ctx.db.getRepository(Meeting).createQueryBuilder('m').where('m.id = :id', { id });
  return visibleMeetings(qb, ctx).getOne();
}

export async function createMeeting(
  ctx: RequestContext,
  commune: string,
  input: CreateMeetingInput,
): Promise<Meeting> {
  authoriseWrite(ctx, commune, ROLES.secretary);
  const problems = new Problems();
  const value = checkMeetingInput(input, problems);
  return ctx.db.transaction(async (tx) => {
    if (isUuid(value.organizationId)) {
      const organization = await tx
        .getRepository(Organization)
        .findOneBy({ id: value.organizationId });
      if (!organization)
        problems.add('input.organization', 'is not an organization of this commune');
    }
    if (!problems.empty) throw new BadUserInput(problems.list);
    const now = new Date();
    const meeting = Object.assign(new Meeting(), value, {
      id: randomUUID(),
      state: 'CREATED',
      createdAt: now,
      updatedAt: now,
    });
    return tx.save(meeting);
  });
}

/**
 * Moves a meeting one step on. Freezing freezes the items presented on its agenda; it is
 * DECIDED only once every item on it is; closing it publishes its public decisions (their
 * `publishedAt`, now unless `options.publishedAt` says when: the seed replays past meetings).
 */
export async function transitionMeeting(
  ctx: RequestContext,
  commune: string,
  id: string,
  to: MeetingState,
  options: { publishedAt?: Date } = {},
): Promise<Meeting> {
  const by = authoriseWrite(ctx, commune, ROLES.secretary);
  return ctx.db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, id, 'id');
    if (!meeting) throw new NotFound('Meeting', id);
    checkMeetingTransition(meeting.state, to);
    const items = await tx
      .getRepository(Item)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.meeting_id = :id', { id })
      .orderBy('i.number', 'ASC')
      .getMany();
    const now = new Date();
    if (to === 'FROZEN') {
      for (const item of items.filter((i) => i.state === 'PRESENTED')) {
        await moveItem(tx, item, 'FROZEN', by, 'meeting frozen', now);
      }
    }
    if (to === 'DECIDED') {
      const open = items.filter((i) => !isDecided(i.state));
      if (open.length > 0) {
        throw new BadUserInput([
          {
            field: 'to',
            reason: `meeting is ${meeting.state}; DECIDED needs every item decided, and items ${open
              .map((i) => `${i.number} (${i.state})`)
              .join(', ')} are not`,
          },
        ]);
      }
    }
    if (to === 'CLOSED') {
      const publishedAt = options.publishedAt ?? now;
      for (const item of items.filter((i) => i.public && isDecided(i.state))) {
        item.publishedAt = publishedAt;
        await tx.save(item);
      }
    }
    meeting.state = to;
    meeting.updatedAt = now;
    return tx.save(meeting);
  });
}

/** Reads a meeting for change, locked until the transaction ends; null when there is none. */
export async function lockMeeting(
  tx: EntityManager,
  id: string,
  field: string,
): Promise<Meeting | null> {
  return lockById(tx, Meeting, id, 'a meeting', field);
}
