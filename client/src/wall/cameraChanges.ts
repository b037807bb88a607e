import { CAMERA_WINDOW_MS, type CameraChange } from '../live/ticker'

/** The cameras' changes of the last minutes, for the camera panel: how many went offline, faulty, back, and the townships most went down in. */
export type CameraChangesSummary = { offline: number; faulty: number; back: number; places: { name: string; down: number }[] }

/** How many townships the panel names: one, on the line of the sums (the column has no room for a second line). */
const PLACES = 1

/**
 * The changes within `windowMs` before `now` (ms epoch), summed: cameras gone offline, gone faulty, come
 * back online, and the townships with the most gone down, by name (a camera's code means nothing across a room).
 */
export function cameraChangesSummary(
  changes: readonly CameraChange[], now: number, names: ReadonlyMap<string, string>, windowMs = CAMERA_WINDOW_MS,
): CameraChangesSummary {
  const out: CameraChangesSummary = { offline: 0, faulty: 0, back: 0, places: [] }
  const down = new Map<string, number>()
  for (const c of changes) {
    if (now - Date.parse(c.at) > windowMs) continue
    if (c.state === 'online') {
      out.back++
      continue
    }
    out[c.state]++
    if (c.townshipCode) down.set(c.townshipCode, (down.get(c.townshipCode) ?? 0) + 1)
  }
  out.places = [...down]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .slice(0, PLACES)
    .map(([code, n]) => ({ name: names.get(code) ?? '—', down: n }))
  return out
}
