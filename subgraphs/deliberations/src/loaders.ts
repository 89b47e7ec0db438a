import {
  In,
  type FindOptionsOrder,
  type FindOptionsWhere,
  type ObjectLiteral,
  type Repository,
} from 'typeorm';
import type { RequestContext } from '@communes/kit';
import { Attachment } from './attachment.entity';
import { BatchLoader, groupBy } from './batch-loader';
import { Category } from './category.entity';
import { Item } from './item.entity';
import { ItemTransition } from './item-transition.entity';
import { Meeting } from './meeting.entity';
import { Membership } from './membership.entity';
import { Organization } from './organization.entity';
import { Person } from './person.entity';
import { visibleItems, visibleMeetings } from './visibility';
import { Vote } from './vote.entity';
import { Voter } from './voter.entity';

/** What the field resolvers of one request load in batches. */
export interface Loaders {
  category: BatchLoader<string, Category | null>;
  organization: BatchLoader<string, Organization | null>;
  person: BatchLoader<string, Person | null>;
  /** Meetings the caller may see. */
  meeting: BatchLoader<string, Meeting | null>;
  /** The agenda of each meeting, as far as the caller may see it. */
  meetingItems: BatchLoader<string, Item[]>;
  vote: BatchLoader<string, Vote | null>;
  voters: BatchLoader<string, Voter[]>;
  attachments: BatchLoader<string, Attachment[]>;
  history: BatchLoader<string, ItemTransition[]>;
  membershipsOfOrganization: BatchLoader<string, Membership[]>;
  membershipsOfPerson: BatchLoader<string, Membership[]>;
}

const PER_REQUEST = new WeakMap<RequestContext, Loaders>();

export function loaders(ctx: RequestContext): Loaders {
  let found = PER_REQUEST.get(ctx);
  if (!found) {
    found = createLoaders(ctx);
    PER_REQUEST.set(ctx, found);
  }
  return found;
}

function createLoaders(ctx: RequestContext): Loaders {
  const repo = <T extends ObjectLiteral>(entity: new () => T): Repository<T> =>
    ctx.db.getRepository(entity);
  const byKey = <T extends ObjectLiteral>(entity: new () => T, key: keyof T & string) =>
    new BatchLoader<string, T | null>(async (keys) => {
      const rows = await repo(entity).find({ where: whereIn<T>(key, keys) });
      return new Map(rows.map((row) => [row[key] as string, row]));
    }, null);
  const listBy = <T extends ObjectLiteral>(
    entity: new () => T,
    key: keyof T & string,
    order: FindOptionsOrder<T>,
  ) =>
    new BatchLoader<string, T[]>(async (keys) => {
      const rows = await repo(entity).find({ where: whereIn<T>(key, keys), order });
      return groupBy(rows, (row) => row[key] as string);
    }, []);
  return {
    category: byKey(Category, 'code'),
    organization: byKey(Organization, 'id'),
    person: byKey(Person, 'id'),
    meeting: new BatchLoader(async (ids) => {
      const qb = repo(Meeting).createQueryBuilder('m').where('m.id IN (:...ids)', { ids });
      const rows = await visibleMeetings(qb, ctx).getMany();
      return new Map(rows.map((m) => [m.id, m]));
    }, null),
    meetingItems: new BatchLoader(async (ids) => {
      const qb = repo(Item).createQueryBuilder('i').where('i.meeting_id IN (:...ids)', { ids });
      const rows = await visibleItems(qb, ctx)
        .orderBy('i.number', 'ASC')
        .addOrderBy('i.id', 'ASC')
        .getMany();
      return groupBy(rows, (item) => item.meetingId ?? '');
    }, []),
    vote: byKey(Vote, 'itemId'),
    voters: listBy(Voter, 'itemId', { personId: 'ASC' }),
    attachments: listBy(Attachment, 'itemId', { position: 'ASC' }),
    history: listBy(ItemTransition, 'itemId', { seq: 'ASC' }),
    membershipsOfOrganization: listBy(Membership, 'organizationId', {
      startDate: 'ASC',
      id: 'ASC',
    }),
    membershipsOfPerson: listBy(Membership, 'personId', { startDate: 'ASC', id: 'ASC' }),
  };
}

/** `key IN (keys)`; the computed key is what TypeScript cannot check against T itself. */
function whereIn<T>(key: string, keys: string[]): FindOptionsWhere<T> {
  return { [key]: In(keys) } as FindOptionsWhere<T>;
}
