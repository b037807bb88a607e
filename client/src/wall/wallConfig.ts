/** What the grid shading of the wall shows: case load, camera cover lost, or grids patrolled. */
export type Theme = 'cases' | 'cameras' | 'patrols'
export const THEMES: readonly Theme[] = ['cases', 'cameras', 'patrols']

/**
 * How a wall is set up, from its URL, since nobody touches a wall: `/wall?patrolHours=4&theme=cameras`.
 * - `patrolHours` (1–24, default 4): a grid counts as patrolled when a unit was in it during these hours;
 * - `theme` pins the grid shading to one theme; without it the wall cycles through them every `cycle` seconds (default 30);
 * - `area=<12-digit code>` shows that area (a province, a prefecture, a county, a township or a community in the
 *   account's scope): the map framed to it, every panel its figures, its live room; default: the account's own area;
 * - `center=lon,lat&zoom=z` frames the map there (a wall beside another showing the town, say); default: the whole area;
 * Values out of range fall back to the default rather than blank a wall.
 */
export type WallConfig = {
  patrolHours: number
  theme: Theme | null
  cycleSeconds: number
  view: { center: [number, number]; zoom: number } | null
  /** The area asked for by its region code; null: the account's own. Whether it lies in the scope is the wall's to judge. */
  area: string | null
  /** `/wall`: a kiosk with no cursor and no mouse interaction; elsewhere the map can be moved. */
  kiosk: boolean
}

const number = (raw: string | null, min: number, max: number): number | null => {
  if (raw === null || raw.trim() === '') return null
  const n = Number(raw)
  return Number.isFinite(n) && n >= min && n <= max ? n : null
}

/** The `area` a wall's address asks for, when it is a 12-digit region code. */
export function areaParam(search: string): string | null {
  const area = new URLSearchParams(search).get('area')
  return area !== null && /^\d{12}$/.test(area) ? area : null
}

export function wallConfig(pathname: string, search: string): WallConfig {
  const q = new URLSearchParams(search)
  const theme = q.get('theme')
  const [lon, lat] = (q.get('center') ?? '').split(',').map((s) => number(s, -180, 180))
  const zoom = number(q.get('zoom'), 0, 22)
  return {
    patrolHours: Math.round(number(q.get('patrolHours'), 1, 24) ?? 4),
    theme: THEMES.includes(theme as Theme) ? (theme as Theme) : null,
    cycleSeconds: number(q.get('cycle'), 5, 3600) ?? 30,
    view: lon != null && lat != null && zoom !== null && Math.abs(lat) <= 90 ? { center: [lon, lat], zoom } : null,
    area: areaParam(search),
    kiosk: /^\/wall\/?$/.test(pathname),
  }
}

/**
 * The theme the grids are shaded by at `now` (ms epoch): the pinned one, or each in turn for
 * `seconds`, turning on the clock's steps so that every wall of a room turns together, and with the
 * shading's own 30 s steps (see useGridShading): one redraw of the map, not two.
 */
export function themeAt(now: number, pinned: Theme | null, seconds: number): Theme {
  return pinned ?? THEMES[Math.floor(now / (seconds * 1000)) % THEMES.length]!
}
