const ids = new WeakMap<object, number>()
let next = 0

/**
 * A number standing for an object's identity, for `updateTriggers`: deck.gl compares triggers by
 * value, and a Map has no enumerable keys, so two different Maps would look equal to it.
 */
export function identity(o: object): number {
  let id = ids.get(o)
  if (id === undefined) ids.set(o, (id = ++next))
  return id
}
