import {
  compareNetworkPositions,
  decodeNodeCursor,
  encodeNetworkCursor,
  type NetworkCursor,
  type SortDirection,
} from '@communes/schema';
import type { MergeShape } from './shapes';

/** One commune's answer to one root field. */
export interface CommunePart {
  commune: string;
  value: unknown;
}

type Json = Record<string, unknown>;

interface Edge extends Json {
  cursor: string;
}

/** Merges the answers of many communes to one root field, by the field's shape. */
export function mergeByShape(
  shape: MergeShape,
  parts: CommunePart[],
  first: number,
  after: NetworkCursor | null,
): unknown {
  const present = parts.filter((p) => p.value !== null && p.value !== undefined);
  switch (shape) {
    case 'connection':
      return mergeConnections(present, first, after);
    case 'buckets':
      return mergeBuckets(present);
    case 'monthBuckets':
      return mergeBuckets(present, 'key');
    case 'list':
      return present.flatMap((p) => p.value as unknown[]);
    case 'single':
      return present[0]?.value ?? null;
  }
}

/**
 * One network page from each commune's page: edges in network order (sort key, then commune
 * code, then id), the first `first` of them, each with a network cursor; counts summed.
 */
export function mergeConnections(
  parts: CommunePart[],
  first: number,
  after: NetworkCursor | null,
): Json {
  type Candidate = { edge: Edge; position: NetworkCursor };
  const candidates: Candidate[] = [];
  let direction: SortDirection = after?.direction ?? 'ASC';
  let totalCount = 0;
  const moreBeyond = new Set<string>();
  for (const { commune, value } of parts) {
    const connection = value as {
      edges: Edge[];
      totalCount: number;
      pageInfo: { hasNextPage: boolean };
    };
    totalCount += connection.totalCount ?? 0;
    if (connection.pageInfo?.hasNextPage) moreBeyond.add(commune);
    for (const edge of connection.edges) {
      const cursor = decodeNodeCursor(edge.cursor);
      if (!cursor)
        throw new Error(`commune ${commune} returned a cursor that is not a node cursor`);
      direction = cursor.direction;
      candidates.push({ edge, position: { ...cursor, communeCode: commune } });
    }
  }
  candidates.sort((a, b) => compareNetworkPositions(a.position, b.position, direction));
  const page = candidates.slice(0, first);
  const left = candidates.slice(first);
  const edges = page.map(({ edge, position }) => ({
    ...edge,
    cursor: encodeNetworkCursor(position),
  }));
  const template = (parts[0]?.value ?? {}) as Json;
  return {
    ...template,
    edges,
    totalCount,
    pageInfo: {
      ...((template['pageInfo'] as Json | undefined) ?? {}),
      hasNextPage: left.length > 0 || moreBeyond.size > 0,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * Buckets merged by key: `count` and numeric `sum…`/`total…` fields added up, other fields
 * taken from the first commune; the largest counts first, then by key, or (`order` 'key', for
 * months) by key alone.
 */
export function mergeBuckets(parts: CommunePart[], order: 'count' | 'key' = 'count'): Json[] {
  const byKey = new Map<string, Json>();
  for (const { value } of parts) {
    for (const bucket of value as Json[]) {
      const key = String(bucket['key']);
      const merged = byKey.get(key);
      if (!merged) {
        byKey.set(key, { ...bucket });
        continue;
      }
      for (const [field, v] of Object.entries(bucket)) {
        if (typeof v === 'number' && isSummed(field))
          merged[field] = ((merged[field] as number) ?? 0) + v;
      }
    }
  }
  const byKeyOrder = (a: Json, b: Json) => (String(a['key']) < String(b['key']) ? -1 : 1);
  return [...byKey.values()].sort((a, b) =>
    order === 'key'
      ? byKeyOrder(a, b)
      : Number(b['count'] ?? 0) - Number(a['count'] ?? 0) || byKeyOrder(a, b),
  );
}

function isSummed(field: string): boolean {
  return field === 'count' || /^(sum|total)[A-Z]/.test(field);
}
