import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  BadUserInput,
  lockExisting,
  emptyConnection,
  keysetPage,
  namesCommune,
  readPage,
  type Connection,
  type RequestContext,
} from '@communes/kit';
import type {
  AttachmentInput,
  CreateItemInput,
  QueryItemsArgs,
  UpdateItemInput,
} from './generated/graphql';
import { authoriseWrite } from '@communes/kit';
import { ROLES } from './access';
import { Attachment } from './attachment.entity';
import { Category } from './category.entity';
import { Item, type ItemState } from './item.entity';
import { recordTransition } from './item-history';
import { checkAttachment, checkItemFields, derivedItemColumns } from './item-input';
import { ITEM_ORDER, applyItemFilter, checkItemFilter, itemSortKey } from './item-query';
import { timeZoneOf } from './time-zone';
import { Problems, definedFields, isUuid } from './validation';
import { visibleItems } from './visibility';

type ListArgs = Omit<QueryItemsArgs, 'communes'> & { communes?: readonly string[] | null };

/** Items can be rewritten until their meeting freezes the agenda. */
const EDITABLE: readonly ItemState[] = ['CREATED', 'PROPOSED', 'VALIDATED', 'PRESENTED'];

/** Items the caller may see, filtered, for `item i`; DECIDED_AT lists decided items only. */
export function itemsQuery(ctx: RequestContext, filter: ReturnType<typeof checkItemFilter>) {
  const qb = visibleItems(ctx.db.getRepository(Item).createQueryBuilder('i'), ctx);
  return applyItemFilter(qb, filter, timeZoneOf(ctx.commune.code));
}

export async function listItems(ctx: RequestContext, args: ListArgs): Promise<Connection<Item>> {
  const page = readPage(args, { field: 'CREATED_AT', direction: 'DESC' });
  const filter = checkItemFilter(args.filter);
  if (!namesCommune(args.communes, ctx.commune.code)) return emptyConnection();
  const filtered = () => {
    const qb = itemsQuery(ctx, filter);
    return page.field === 'DECIDED_AT' ? qb.andWhere('i.decided_at IS NOT NULL') : qb;
  };
  return keysetPage(filtered, page, ITEM_ORDER[page.field], (item) =>
    itemSortKey(item, page.field),
  );
}

/** An item the caller may see, or null. */
export async function getItem(
  ctx: RequestContext,
  communeCode: string,
  id: string,
): Promise<Item | null> {
  if (communeCode !== ctx.commune.code || !isUuid(id)) return null;
  const qb = ctx.db.getRepository(Item).createQueryBuilder('i').where('i.id = :id', { id });
  return visibleItems(qb, ctx).getOne();
}

export async function createItem(
  ctx: RequestContext,
  commune: string,
  input: CreateItemInput,
): Promise<Item> {
  const by = authoriseWrite(ctx, commune, ROLES.editor);
  const problems = new Problems();
  const fields = checkItemFields(input, problems);
  return ctx.db.transaction(async (tx) => {
    const topicCode = await topicOfCategory(tx, fields.categoryCode, problems);
    if (!problems.empty) throw new BadUserInput(problems.list);
    const now = new Date();
    const item = Object.assign(new Item(), fields, derivedItemColumns(fields), {
      id: randomUUID(),
      meetingId: null,
      number: null,
      topicCode,
      state: 'CREATED',
      decidedAt: null,
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await tx.save(item);
    await recordTransition(tx, item.id, null, 'CREATED', by, null, now);
    return item;
  });
}

export async function updateItem(
  ctx: RequestContext,
  commune: string,
  id: string,
  input: UpdateItemInput,
): Promise<Item> {
  authoriseWrite(ctx, commune, ROLES.editor);
  return ctx.db.transaction(async (tx) => {
    const item = await lockItem(tx, id);
    if (!EDITABLE.includes(item.state)) {
      throw new BadUserInput([
        { field: 'id', reason: `item is ${item.state}; items change until their meeting freezes` },
      ]);
    }
    const problems = new Problems();
    // Check the item as it would be after the change, with the input's field paths.
    const merged = {
      title: item.title,
      description: item.description,
      motivation: item.motivation,
      decision: item.decision,
      category: item.categoryCode,
      proposingGroup: item.proposingGroup,
      public: item.public,
      ...definedFields(input),
    };
    const fields = checkItemFields(merged, problems);
    const topicCode = await topicOfCategory(tx, fields.categoryCode, problems);
    if (!problems.empty) throw new BadUserInput(problems.list);
    Object.assign(item, fields, derivedItemColumns(fields), { topicCode, updatedAt: new Date() });
    return tx.save(item);
  });
}

export async function addAttachment(
  ctx: RequestContext,
  commune: string,
  itemId: string,
  input: AttachmentInput,
): Promise<Item> {
  authoriseWrite(ctx, commune, ROLES.attach);
  const problems = new Problems();
  const value = checkAttachment(input, problems);
  if (!problems.empty) throw new BadUserInput(problems.list);
  return ctx.db.transaction(async (tx) => {
    const item = await lockItem(tx, itemId, 'item');
    const last = await tx
      .getRepository(Attachment)
      .createQueryBuilder('a')
      .select('COALESCE(MAX(a.position), 0)', 'position')
      .where('a.item_id = :itemId', { itemId })
      .getRawOne<{ position: number }>();
    const now = new Date();
    await tx.insert(Attachment, {
      ...value,
      id: randomUUID(),
      itemId,
      position: Number(last?.position ?? 0) + 1,
      createdAt: now,
    });
    item.updatedAt = now;
    return tx.save(item);
  });
}

/** Reads an item for change, locked until the transaction ends. */
export function lockItem(tx: EntityManager, id: string, field = 'id'): Promise<Item> {
  return lockExisting(tx, Item, id, 'an item', field);
}

/** The topic an item of this category takes; an unknown category is a problem of the input. */
async function topicOfCategory(
  tx: EntityManager,
  code: string,
  problems: Problems,
): Promise<string> {
  if (code === '') return '';
  const category = await tx.getRepository(Category).findOneBy({ code });
  if (!category) {
    problems.add('input.category', `${code} is not a category of this commune`);
    return '';
  }
  return category.topicCode;
}
