const cache = new WeakMap<ReadonlyMap<unknown, unknown>, unknown[]>()

/**
 * A map's values as an array that stays the same object while the map does, so a layer given it as
 * `data` is not rebuilt when some other part of the state changed.
 */
export function valuesOf<V>(map: ReadonlyMap<unknown, V>): V[] {
  let values = cache.get(map) as V[] | undefined
  if (!values) {
    values = [...map.values()]
    cache.set(map, values)
  }
  return values
}
