export interface Summary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

/** Percentiles by nearest rank, rounded to 0.01 ms. */
export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    mean: round(sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1)),
  };
}
