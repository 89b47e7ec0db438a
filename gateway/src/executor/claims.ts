/**
 * A commune speaks only for itself: anything in its answer that carries another commune's
 * `communeCode` is dropped (from a list, or replaced by null) and counted.
 */
export function dropForeignClaims(
  value: unknown,
  commune: string,
): { value: unknown; dropped: number } {
  let dropped = 0;
  const claimsOther = (item: unknown): boolean => {
    if (!isObject(item)) return false;
    const own = item['communeCode'];
    if (typeof own === 'string' && own !== commune) return true;
    const node = item['node'];
    return (
      isObject(node) && typeof node['communeCode'] === 'string' && node['communeCode'] !== commune
    );
  };
  const walk = (item: unknown): unknown => {
    if (Array.isArray(item)) {
      const kept = item.filter((entry) => {
        const foreign = claimsOther(entry);
        if (foreign) dropped++;
        return !foreign;
      });
      return kept.map(walk);
    }
    if (!isObject(item)) return item;
    if (claimsOther(item)) {
      dropped++;
      return null;
    }
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(item)) out[key] = walk(v);
    return out;
  };
  return { value: walk(value), dropped };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
