import { BadUserInput, namesCommune, readMonthPeriod, type RequestContext } from '@communes/kit';
import type { DecisionCountFilter } from './generated/graphql';
import { topicOf } from './actes';
import type { ItemState } from './item.entity';
import { itemsQuery } from './item.service';
import type { CheckedItemFilter } from './item-query';
import type { OrganizationKind } from './organization.entity';
import { Problems } from './validation';
import { timeZoneOf } from './time-zone';

export interface DecisionBucket {
  key: string;
  topic: string;
  topicName: string;
  month: string;
  body: OrganizationKind;
  state: ItemState;
  count: number;
}

export interface DecisionStatisticsRow {
  communeCode: string;
  decided: number;
  published: number;
  publicationDelayMedianDays: number | null;
  publicationDelayP90Days: number | null;
  voted: number;
  unanimous: number;
  withAbstentions: number;
  abstentions: number;
}

/** The months asked, as the item filter's local dates (`filter.from` → decidedFrom). */
function checkDecisionFilter(filter: DecisionCountFilter | null | undefined): CheckedItemFilter {
  const problems = new Problems();
  const period = readMonthPeriod(filter, 'filter.', problems);
  if (!problems.empty) throw new BadUserInput(problems.list);
  return { words: [], topic: null, state: null, decidedFrom: period.from, decidedTo: period.to };
}

/** Decided items the caller may see in the months asked, with their meeting and its body. */
function decidedItems(ctx: RequestContext, filter: DecisionCountFilter | null | undefined) {
  return itemsQuery(ctx, checkDecisionFilter(filter))
    .andWhere('i.decided_at IS NOT NULL')
    .innerJoin('meeting', 'dm', 'dm.id = i.meeting_id')
    .innerJoin('organization', 'dorg', 'dorg.id = dm.organization_id');
}

/** Decided items counted by topic, month (commune's time zone), deciding body and state. */
export async function countDecisions(
  ctx: RequestContext,
  communes: readonly string[] | null | undefined,
  filter: DecisionCountFilter | null | undefined,
): Promise<DecisionBucket[]> {
  const query = decidedItems(ctx, filter);
  if (!namesCommune(communes, ctx.commune.code)) return [];
  // The zone comes from timeZoneOf's fixed list; a literal lets GROUP BY match the SELECT.
  const month = `to_char(i.decided_at AT TIME ZONE '${timeZoneOf(ctx.commune.code)}', 'YYYY-MM')`;
  const rows = await query
    .select('i.topic_code', 'topic')
    .addSelect(month, 'month')
    .addSelect('dorg.kind', 'body')
    .addSelect('i.state', 'state')
    .addSelect('count(*)::integer', 'count')
    .groupBy('i.topic_code')
    .addGroupBy(month)
    .addGroupBy('dorg.kind')
    .addGroupBy('i.state')
    .orderBy(month, 'ASC')
    .addOrderBy('i.topic_code', 'ASC')
    .addOrderBy('dorg.kind', 'ASC')
    .addOrderBy('i.state', 'ASC')
    .getRawMany<Omit<DecisionBucket, 'key' | 'topicName'>>();
  return rows.map((row) => ({
    ...row,
    key: `${row.topic}|${row.month}|${row.body}|${row.state}`,
    topicName: topicOf(row.topic)?.name ?? row.topic,
  }));
}

/** Days from decision to publication, as a fraction. */
const DELAY_DAYS = `(extract(epoch from (i.published_at - i.decided_at)) / 86400)::double precision`;
/** A vote was taken (a public or secret poll; NONE records a decision without one). */
const VOTED = `v.poll_type IN ('PUBLIC', 'SECRET')`;

/**
 * The commune's decisions over the months asked: how many were published and how fast (median
 * and 90th percentile, interpolated as percentile_cont does), and how the votes went.
 */
export async function decisionStatistics(
  ctx: RequestContext,
  communes: readonly string[] | null | undefined,
  filter: DecisionCountFilter | null | undefined,
): Promise<DecisionStatisticsRow[]> {
  const query = decidedItems(ctx, filter);
  if (!namesCommune(communes, ctx.commune.code)) return [];
  const row = await query
    .leftJoin('vote', 'v', 'v.item_id = i.id')
    .select('count(*)::integer', 'decided')
    .addSelect('count(i.published_at)::integer', 'published')
    .addSelect(`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DELAY_DAYS})`, 'median')
    .addSelect(`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${DELAY_DAYS})`, 'p90')
    .addSelect(`(count(*) FILTER (WHERE ${VOTED}))::integer`, 'voted')
    .addSelect(
      `(count(*) FILTER (WHERE ${VOTED} AND v.no_count = 0 AND v.abstain_count = 0))::integer`,
      'unanimous',
    )
    .addSelect(
      `(count(*) FILTER (WHERE ${VOTED} AND v.abstain_count > 0))::integer`,
      'withAbstentions',
    )
    .addSelect(
      `(COALESCE(sum(v.abstain_count) FILTER (WHERE ${VOTED}), 0))::integer`,
      'abstentions',
    )
    .getRawOne<{
      decided: number;
      published: number;
      median: number | string | null;
      p90: number | string | null;
      voted: number;
      unanimous: number;
      withAbstentions: number;
      abstentions: number;
    }>();
  const days = (value: number | string | null | undefined) =>
    value === null || value === undefined ? null : Number(value);
  return [
    {
      communeCode: ctx.commune.code,
      decided: row?.decided ?? 0,
      published: row?.published ?? 0,
      publicationDelayMedianDays: days(row?.median),
      publicationDelayP90Days: days(row?.p90),
      voted: row?.voted ?? 0,
      unanimous: row?.unanimous ?? 0,
      withAbstentions: row?.withAbstentions ?? 0,
      abstentions: row?.abstentions ?? 0,
    },
  ];
}
