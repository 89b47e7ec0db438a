/**
 * Decision counts and statistics computed in the test from the items a caller can list, to
 * check the nodes' SQL (and the reports built on it) against an independent count.
 */
import { dataOf, type GraphQLResponse } from '../support/graphql-client';

type Row = Record<string, any>;
type Query = (query: string, variables: Row) => Promise<GraphQLResponse<any>>;

const DECIDED_ITEMS = `query($first: Int, $after: String) {
  items(filter: {}, orderBy: { field: DECIDED_AT, direction: ASC }, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id public state decidedAt publishedAt topic { code name }
      meeting { organization { kind } } votes { pollType no abstain } } } } }`;

export interface DecidedItem {
  id: string;
  public: boolean;
  state: string;
  decidedAt: string;
  publishedAt: string | null;
  topic: { code: string; name: string };
  meeting: { organization: { kind: string } };
  votes: { pollType: string; no: number; abstain: number } | null;
}

/** Every decided item the caller of `query` may see, page by page. */
export async function decidedItems(query: Query): Promise<DecidedItem[]> {
  const items: DecidedItem[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = dataOf(await query(DECIDED_ITEMS, { first: 100, after })).items;
    items.push(...page.edges.map((e: Row) => e['node']));
    if (!page.pageInfo.hasNextPage) return items;
    after = page.pageInfo.endCursor;
  }
}

/** `2025-03` of an instant in a time zone. */
export function monthIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(new Date(instant))
    .slice(0, 7);
}

/** The items decided in the months asked (inclusive; null ends are open). */
export function inMonths(
  items: DecidedItem[],
  timeZone: string,
  from: string | null = null,
  to: string | null = null,
): DecidedItem[] {
  return items.filter((item) => {
    const month = monthIn(item.decidedAt, timeZone);
    return (from === null || month >= from) && (to === null || month <= to);
  });
}

/** decisionCounts as the items say, sorted by key. */
export function expectedDecisionCounts(items: DecidedItem[], timeZone: string) {
  const buckets = new Map<string, Row>();
  for (const item of items) {
    const month = monthIn(item.decidedAt, timeZone);
    const body = item.meeting.organization.kind;
    const key = `${item.topic.code}|${month}|${body}|${item.state}`;
    const bucket = buckets.get(key) ?? {
      key,
      topic: item.topic.code,
      topicName: item.topic.name,
      month,
      body,
      state: item.state,
      count: 0,
    };
    bucket['count']++;
    buckets.set(key, bucket);
  }
  return [...buckets.values()].sort((a, b) => (a['key'] < b['key'] ? -1 : 1));
}

/** The p-th percentile with linear interpolation between ranks, as SQL percentile_cont. */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/** decisionStatistics as the items say. */
export function expectedDecisionStatistics(items: DecidedItem[], communeCode: string) {
  const delays = items
    .filter((i) => i.publishedAt !== null)
    .map((i) => (Date.parse(i.publishedAt!) - Date.parse(i.decidedAt)) / 86_400_000);
  const voted = items.filter((i) => i.votes && i.votes.pollType !== 'NONE');
  return {
    communeCode,
    decided: items.length,
    published: delays.length,
    publicationDelayMedianDays: percentileCont(delays, 0.5),
    publicationDelayP90Days: percentileCont(delays, 0.9),
    voted: voted.length,
    unanimous: voted.filter((i) => i.votes!.no === 0 && i.votes!.abstain === 0).length,
    withAbstentions: voted.filter((i) => i.votes!.abstain > 0).length,
    abstentions: voted.reduce((sum, i) => sum + i.votes!.abstain, 0),
  };
}

/** Statistics compared with the delays' float noise allowed for. */
export function expectStatistics(actual: Row, expected: Row): void {
  const { publicationDelayMedianDays: median, publicationDelayP90Days: p90, ...counts } = expected;
  expect(actual).toMatchObject(counts);
  for (const [field, value] of [
    ['publicationDelayMedianDays', median],
    ['publicationDelayP90Days', p90],
  ] as const) {
    if (value === null) expect(actual[field]).toBeNull();
    else expect(actual[field]).toBeCloseTo(value as number, 6);
  }
}

export const DECISION_COUNTS = `query($communes: [ID!], $filter: DecisionCountFilter) {
  decisionCounts(communes: $communes, filter: $filter) { key topic topicName month body state count } }`;

export const DECISION_STATISTICS = `query($communes: [ID!], $filter: DecisionCountFilter) {
  decisionStatistics(communes: $communes, filter: $filter) {
    communeCode decided published publicationDelayMedianDays publicationDelayP90Days
    voted unanimous withAbstentions abstentions } }`;
