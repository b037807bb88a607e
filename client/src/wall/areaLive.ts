import type { LiveState } from '../live/liveState'

type Collections = Pick<LiveState, 'cases' | 'cameras' | 'trails' | 'covers' | 'visits'>

const kept = new WeakMap<object, { prefix: string; kept: ReadonlyMap<unknown, unknown> }>()

/** The entries of `all` whose grid lies under `prefix`: the same map while `all` is the same, so a layer over it is not rebuilt. */
function within<K, V>(all: ReadonlyMap<K, V>, prefix: string, gridOf: (key: K, value: V) => string | null): ReadonlyMap<K, V> {
  const hit = kept.get(all)
  if (hit && hit.prefix === prefix) return hit.kept as ReadonlyMap<K, V>
  const out = new Map([...all].filter(([k, v]) => gridOf(k, v)?.startsWith(prefix) ?? false))
  kept.set(all, { prefix, kept: out })
  return out
}

/**
 * The live state as far as an area reaches (`prefix`, its code's significant digits), for a wall of an area
 * inside its account's scope: the snapshot is the whole scope's (it takes no area), the room's changes only the
 * area's. Each collection keeps its identity while its source does.
 */
export function liveInArea(state: LiveState, prefix: string): LiveState {
  const next: Collections = {
    cases: within(state.cases, prefix, (_, c) => c.gridCode),
    cameras: within(state.cameras, prefix, (_, c) => c.gridCode),
    trails: within(state.trails, prefix, (_, t) => t.gridCode),
    covers: within(state.covers, prefix, (code) => code),
    visits: within(state.visits, prefix, (code) => code),
  }
  return { ...state, ...next }
}
