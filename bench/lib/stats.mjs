const ascending = (values) => [...values].sort((a, b) => a - b);

export function median(values) {
  const sorted = ascending(values);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile: a value that was actually observed. */
export function percentile(values, p) {
  const sorted = ascending(values);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const min = (values) => Math.min(...values);
export const max = (values) => Math.max(...values);
