/**
 * Cursors are part of the contract: a node's cursor carries the sort key of its edge, so
 * the hub can merge pages from many communes without knowing their data, and can turn a
 * network position back into each commune's own cursor.
 */
export type SortDirection = 'ASC' | 'DESC';
export type SortValue = string | number;

/** Position after one edge of a commune's list: its sort key, then its id (ties). */
export interface NodeCursor {
  order: string;
  direction: SortDirection;
  key: SortValue[];
  id: string;
}

/** Position after one edge of a network list: the sort key, then commune, then id. */
export interface NetworkCursor extends NodeCursor {
  communeCode: string;
}

/** Ids below and above every UUID a node generates (v4 UUIDs are never nil nor max). */
export const FIRST_ID = '00000000-0000-0000-0000-000000000000';
export const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

const NODE_PREFIX = 'c1:';
const NETWORK_PREFIX = 'n1:';

export function encodeNodeCursor(cursor: NodeCursor): string {
  return (
    NODE_PREFIX + toBase64(JSON.stringify([cursor.order, cursor.direction, cursor.key, cursor.id]))
  );
}

export function encodeNetworkCursor(cursor: NetworkCursor): string {
  const { order, direction, key, communeCode, id } = cursor;
  return NETWORK_PREFIX + toBase64(JSON.stringify([order, direction, key, communeCode, id]));
}

/** Returns null when the text is not a node cursor. */
export function decodeNodeCursor(text: string): NodeCursor | null {
  const parts = decodeParts(text, NODE_PREFIX, 4);
  if (!parts) return null;
  const [order, direction, key, id] = parts;
  if (typeof order !== 'string' || !isDirection(direction) || !isKey(key)) return null;
  if (typeof id !== 'string') return null;
  return { order, direction, key, id };
}

export function decodeNetworkCursor(text: string): NetworkCursor | null {
  const parts = decodeParts(text, NETWORK_PREFIX, 5);
  if (!parts) return null;
  const [order, direction, key, communeCode, id] = parts;
  if (typeof order !== 'string' || !isDirection(direction) || !isKey(key)) return null;
  if (typeof communeCode !== 'string' || typeof id !== 'string') return null;
  return { order, direction, key, communeCode, id };
}

export function isNetworkCursor(text: string): boolean {
  return text.startsWith(NETWORK_PREFIX);
}

/**
 * Compares two sort keys value by value. Strings compare by code unit: nodes only sort on
 * ASCII-normalised keys, on which PostgreSQL's `COLLATE "C"` and JavaScript agree.
 */
export function compareKeys(a: SortValue[], b: SortValue[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

export function compareValues(a: SortValue | undefined, b: SortValue | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : 1;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The network order: key, then commune code, then id, all in the requested direction. */
export function compareNetworkPositions(
  a: Pick<NetworkCursor, 'key' | 'communeCode' | 'id'>,
  b: Pick<NetworkCursor, 'key' | 'communeCode' | 'id'>,
  direction: SortDirection,
): number {
  const c =
    compareKeys(a.key, b.key) ||
    compareValues(a.communeCode, b.communeCode) ||
    compareValues(a.id, b.id);
  return direction === 'ASC' ? c : -c;
}

/**
 * The cursor a commune must continue after, for the network position `after`: the same
 * key; the same id in the commune of `after`; otherwise an id sentinel that puts the
 * commune's items with an equal key before or after the position, as the network order does.
 */
export function nodeCursorFor(communeCode: string, after: NetworkCursor): NodeCursor {
  const { order, direction, key } = after;
  if (communeCode === after.communeCode) return { order, direction, key, id: after.id };
  const communeComesFirst =
    compareValues(communeCode, after.communeCode) < 0 === (direction === 'ASC');
  const lastInOrder = direction === 'ASC' ? LAST_ID : FIRST_ID;
  const firstInOrder = direction === 'ASC' ? FIRST_ID : LAST_ID;
  return { order, direction, key, id: communeComesFirst ? lastInOrder : firstInOrder };
}

function decodeParts(text: string, prefix: string, length: number): unknown[] | null {
  if (!text.startsWith(prefix)) return null;
  try {
    const parts: unknown = JSON.parse(
      Buffer.from(text.slice(prefix.length), 'base64url').toString('utf8'),
    );
    return Array.isArray(parts) && parts.length === length ? parts : null;
  } catch {
    return null;
  }
}

function isDirection(direction: unknown): direction is SortDirection {
  return direction === 'ASC' || direction === 'DESC';
}

function isKey(key: unknown): key is SortValue[] {
  return Array.isArray(key) && key.every((v) => typeof v === 'string' || typeof v === 'number');
}

function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
