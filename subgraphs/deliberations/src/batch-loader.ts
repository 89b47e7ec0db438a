/**
 * Collects the keys asked for while GraphQL resolves one level of a result, then loads them
 * in one query: a page of 100 items costs one query per field, not one per item.
 */
export class BatchLoader<K, V> {
  private queue: { key: K; resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];

  constructor(
    private readonly loadMany: (keys: K[]) => Promise<Map<K, V>>,
    private readonly missing: V,
  ) {}

  /** No cache across batches: a request may change what it read earlier (mutations). */
  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => void this.dispatch());
      this.queue.push({ key, resolve, reject });
    });
  }

  private async dispatch(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      const values = await this.loadMany([...new Set(batch.map((b) => b.key))]);
      for (const { key, resolve } of batch) resolve(values.get(key) ?? this.missing);
    } catch (error: unknown) {
      for (const { reject } of batch) reject(error);
    }
  }
}

/** Groups rows by a key, keeping their order. */
export function groupBy<K, T>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const list = groups.get(keyOf(row));
    if (list) list.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}
