import type { SelectQueryBuilder } from 'typeorm';
import { BadUserInput, foldText } from '@communes/kit';
import type { ItemFilter } from './generated/graphql';
import type { Item, ItemState } from './item.entity';
import { topicFilterOf } from './actes';
import type { SortKey } from '@communes/kit';
import { Problems, parseDate } from './validation';

export type ItemOrderField = 'DECIDED_AT' | 'CREATED_AT' | 'TITLE';

export const ITEM_ORDER: Record<ItemOrderField, SortKey> = {
  DECIDED_AT: { column: 'i.decided_at', idColumn: 'i.id', timestamp: true },
  CREATED_AT: { column: 'i.created_at', idColumn: 'i.id', timestamp: true },
  TITLE: { column: 'i.title_sort', idColumn: 'i.id', timestamp: false },
};

/** The sort key of an item in an order, as its cursor carries it. */
export function itemSortKey(item: Item, field: ItemOrderField): string {
  switch (field) {
    case 'TITLE':
      return item.titleSort;
    case 'CREATED_AT':
      return item.createdAt.toISOString();
    case 'DECIDED_AT':
      return item.decidedAt?.toISOString() ?? '';
  }
}

export interface CheckedItemFilter {
  words: string[];
  topic: { exact: string } | { matter: string } | null;
  state: ItemState | null;
  decidedFrom: string | null;
  decidedTo: string | null;
}

const MAX_SEARCH = 200;

/** Checks the whole filter and reports every problem at once, as `filter.<field>`. */
export function checkItemFilter(filter: ItemFilter | null | undefined): CheckedItemFilter {
  const problems = new Problems();
  let words: string[] = [];
  if (filter?.search != null) {
    words = foldText(filter.search).split(' ').filter(Boolean);
    if (filter.search.length > MAX_SEARCH) {
      problems.add('filter.search', `must be at most ${MAX_SEARCH} characters`);
    } else if (words.length === 0) {
      problems.add('filter.search', 'must contain a letter or a digit');
    }
  }
  let topic: CheckedItemFilter['topic'] = null;
  if (filter?.topic != null) {
    topic = topicFilterOf(filter.topic);
    if (!topic) {
      problems.add(
        'filter.topic',
        'must be an ACTES topic such as 7.1, or its first level such as 7',
      );
    }
  }
  const decidedFrom = readDate(filter?.decidedFrom, 'filter.decidedFrom', problems);
  const decidedTo = readDate(filter?.decidedTo, 'filter.decidedTo', problems);
  if (decidedFrom && decidedTo && decidedTo < decidedFrom) {
    problems.add('filter.decidedTo', `must not be before filter.decidedFrom (${decidedFrom})`);
  }
  if (!problems.empty) throw new BadUserInput(problems.list);
  return { words, topic, state: filter?.state ?? null, decidedFrom, decidedTo };
}

function readDate(value: string | null | undefined, field: string, problems: Problems) {
  if (value === null || value === undefined) return null;
  const date = parseDate(value);
  if (!date) problems.add(field, 'must be an ISO 8601 date such as 2026-03-12');
  return date;
}

/** Adds the filter to a query over `item i`; decision dates are the commune's local dates. */
export function applyItemFilter(
  qb: SelectQueryBuilder<Item>,
  filter: CheckedItemFilter,
  timeZone: string,
): SelectQueryBuilder<Item> {
  if (filter.words.length > 0) {
    // Each word as a prefix, stemmed in French: "budgets" and "budg" find "Budget communal".
    qb.andWhere(`i.search_vector @@ to_tsquery('french', :tsQuery)`, {
      tsQuery: filter.words.map((w) => `${w}:*`).join(' & '),
    });
  }
  if (filter.topic && 'exact' in filter.topic) {
    qb.andWhere('i.topic_code = :topic', { topic: filter.topic.exact });
  } else if (filter.topic) {
    qb.andWhere('i.topic_code LIKE :topicPrefix', { topicPrefix: `${filter.topic.matter}.%` });
  }
  if (filter.state) qb.andWhere('i.state = :state', { state: filter.state });
  if (filter.decidedFrom) {
    qb.andWhere('i.decided_at >= (CAST(:decidedFrom AS timestamp) AT TIME ZONE :timeZone)', {
      decidedFrom: filter.decidedFrom,
      timeZone,
    });
  }
  if (filter.decidedTo) {
    // On or before that day: before the start of the next one.
    qb.andWhere(
      `i.decided_at < ((CAST(:decidedTo AS timestamp) + interval '1 day') AT TIME ZONE :timeZone)`,
      { decidedTo: filter.decidedTo, timeZone },
    );
  }
  return qb;
}
