import type { Commune } from './commune.entity';

type Load = (codes: readonly string[]) => Promise<Commune[]>;

interface Batch {
  codes: Set<string>;
  result: Promise<Map<string, Commune>>;
}

const batches = new WeakMap<object, Batch>();

/**
 * Loads a commune by code, batching every call made for the same request in the same tick
 * into one query: the planner sends many `Commune` references at once.
 */
export function loadCommune(request: object, code: string, load: Load): Promise<Commune | null> {
  let batch = batches.get(request);
  if (!batch) {
    const codes = new Set<string>();
    const result = new Promise<Map<string, Commune>>((resolve, reject) => {
      // Later calls of this tick join the batch before it is sent.
      setImmediate(() => {
        batches.delete(request);
        load([...codes]).then((rows) => resolve(new Map(rows.map((c) => [c.code, c]))), reject);
      });
    });
    batch = { codes, result };
    batches.set(request, batch);
  }
  batch.codes.add(code);
  return batch.result.then((found) => found.get(code) ?? null);
}
