/** Merges resolver maps written per feature file into one, type by type. */
export function mergeResolvers<R extends object>(parts: R[]): R {
  const merged: Record<string, object> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) {
      merged[type] = { ...merged[type], ...(fields as object) };
    }
  }
  return merged as R;
}
