// Small numeric helpers; nearest-rank percentiles, because 40 samples are too few to interpolate.

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1] ?? NaN
}

export function median(values: number[]): number {
  return percentile(values, 50)
}

export function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024)
}
