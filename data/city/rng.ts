import seedrandom from 'seedrandom'

/** A seeded random source; `fork(label)` gives an independent stream, so adding cameras does not reshuffle the cases. */
export type Rng = {
  next(): number
  range(min: number, max: number): number
  /** An integer in min..max, both included. */
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K
  normal(mean: number, sd: number): number
  shuffle<T>(items: readonly T[]): T[]
  fork(label: string): Rng
}

export function createRng(seed: string): Rng {
  const r = seedrandom(seed)
  const rng: Rng = {
    next: () => r(),
    range: (min, max) => min + (max - min) * r(),
    int: (min, max) => min + Math.floor((max - min + 1) * r()),
    chance: (p) => r() < p,
    pick: (items) => items[Math.floor(r() * items.length)]!,
    weighted(weights) {
      const entries = Object.entries(weights) as [keyof typeof weights & string, number][]
      let x = r() * entries.reduce((s, [, w]) => s + w, 0)
      for (const [k, w] of entries) if ((x -= w) < 0) return k
      return entries.at(-1)![0]
    },
    normal(mean, sd) {
      const u = 1 - r()
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r())
    },
    shuffle(items) {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1))
        ;[out[i], out[j]] = [out[j]!, out[i]!]
      }
      return out
    },
    fork: (label) => createRng(`${seed}:${label}`),
  }
  return rng
}

/**
 * Splits `total` into integer parts proportional to `weights`, each at least `min`
 * (largest-remainder rounding, so the parts add up to exactly `total`).
 */
export function allocate(total: number, weights: readonly number[], min = 1): number[] {
  const free = total - min * weights.length
  if (free < 0) throw new Error(`cannot give ${weights.length} parts at least ${min} out of ${total}`)
  const sum = weights.reduce((s, w) => s + w, 0)
  const exact = weights.map((w) => (free * w) / sum)
  const parts = exact.map((x) => Math.floor(x))
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0])
  const short = free - parts.reduce((s, p) => s + p, 0)
  for (let k = 0; k < short; k++) parts[order[k]![1]]! += 1
  return parts.map((p) => p + min)
}
