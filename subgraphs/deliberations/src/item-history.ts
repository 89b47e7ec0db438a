import type { EntityManager } from 'typeorm';
import { Item, type ItemState } from './item.entity';
import { ItemTransition } from './item-transition.entity';

/** Moves an item to `to` and writes the change in its history, inside the caller's transaction. */
export async function moveItem(
  tx: EntityManager,
  item: Item,
  to: ItemState,
  by: string,
  comment: string | null,
  at = new Date(),
): Promise<Item> {
  const from = item.state;
  item.state = to;
  item.updatedAt = at;
  await tx.save(item);
  await recordTransition(tx, item.id, from, to, by, comment, at);
  return item;
}

export async function recordTransition(
  tx: EntityManager,
  itemId: string,
  from: ItemState | null,
  to: ItemState,
  by: string,
  comment: string | null,
  at: Date,
): Promise<void> {
  const last = await tx
    .getRepository(ItemTransition)
    .createQueryBuilder('t')
    .select('COALESCE(MAX(t.seq), 0)', 'seq')
    .where('t.item_id = :itemId', { itemId })
    .getRawOne<{ seq: number }>();
  await tx.insert(ItemTransition, {
    itemId,
    seq: Number(last?.seq ?? 0) + 1,
    fromState: from,
    toState: to,
    bySubject: by,
    at,
    comment,
  });
}
