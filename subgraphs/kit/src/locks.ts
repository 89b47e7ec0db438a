import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { BadUserInput, NotFound } from './errors';
import { isUuid } from './ids';

/**
 * Reads a row by id for change, locked until the transaction ends; null when there is none.
 * An id that is not a UUID is a problem of the input, on `field`.
 */
export async function lockById<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  what: string,
  field = 'id',
): Promise<T | null> {
  if (!isUuid(id)) throw new BadUserInput([{ field, reason: `must be ${what} id` }]);
  return tx
    .getRepository(entity)
    .createQueryBuilder('row')
    .setLock('pessimistic_write')
    .where('row.id = :id', { id })
    .getOne();
}

/** Like lockById, but a missing row is NOT_FOUND. */
export async function lockExisting<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  what: string,
  field = 'id',
): Promise<T> {
  const row = await lockById(tx, entity, id, what, field);
  if (!row)
    throw new NotFound(
      what.replace(/^an? /, '').replace(/^./, (c) => c.toUpperCase()),
      id,
    );
  return row;
}
