import { namesCommune, type RequestContext } from '@communes/kit';
import type { ItemFilter } from './generated/graphql';
import { topicOf } from './actes';
import { itemsQuery } from './item.service';
import { checkItemFilter } from './item-query';
import { timeZoneOf } from './time-zone';

export interface TopicBucket {
  key: string;
  name: string;
  count: number;
}

export interface MonthBucket {
  key: string;
  count: number;
}

/** Items the caller may see, counted by ACTES topic; largest first, as the hub merges them. */
export async function countItemsByTopic(
  ctx: RequestContext,
  communes: readonly string[] | null | undefined,
  filter: ItemFilter | null | undefined,
): Promise<TopicBucket[]> {
  const checked = checkItemFilter(filter);
  if (!namesCommune(communes, ctx.commune.code)) return [];
  const rows = await itemsQuery(ctx, checked)
    .select('i.topic_code', 'key')
    .addSelect('count(*)::integer', 'count')
    .groupBy('i.topic_code')
    .orderBy('count(*)', 'DESC')
    .addOrderBy('i.topic_code', 'ASC')
    .getRawMany<{ key: string; count: number }>();
  return rows.map((row) => ({ ...row, name: topicOf(row.key)?.name ?? row.key }));
}

/**
 * Decided items the caller may see, counted by month of decision in the commune's time zone;
 * oldest month first (a time series, as the hub merges `…MonthCount` buckets too).
 */
export async function countItemsByMonth(
  ctx: RequestContext,
  communes: readonly string[] | null | undefined,
  filter: ItemFilter | null | undefined,
): Promise<MonthBucket[]> {
  const checked = checkItemFilter(filter);
  if (!namesCommune(communes, ctx.commune.code)) return [];
  // The zone comes from timeZoneOf's fixed list; a literal lets GROUP BY match the SELECT.
  const month = `to_char(i.decided_at AT TIME ZONE '${timeZoneOf(ctx.commune.code)}', 'YYYY-MM')`;
  return itemsQuery(ctx, checked)
    .andWhere('i.decided_at IS NOT NULL')
    .select(month, 'key')
    .addSelect('count(*)::integer', 'count')
    .groupBy(month)
    .orderBy(month, 'ASC')
    .getRawMany<MonthBucket>();
}
