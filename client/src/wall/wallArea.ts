import * as turf from '@turf/turf'
import { useEffect, useState } from 'react'
import { type Me, RegionCollection, type RegionLevel, type Room } from '../../../contract'
import { codeLevel, coversArea, homeRooms, parentCode, reachOf } from '../../../domain/access'
import { ApiError, fetchJson } from '../api/fetchJson'
import type { Bbox } from './townCentre'

/** A wall's area: a region of any level, framed by its box, with the areas one level down where their names are written. */
export type WallArea = {
  code: string
  name: string
  level: RegionLevel
  bbox: Bbox
  /** Its current grids. */
  grids: number
  /** Its regions one level down (none for a community, whose units are grids). */
  children: readonly AreaChild[]
  /** Drawn from the vector tiles (`/tiles/…`), not from GeoJSON: see `isTiled`. */
  tiled: boolean
}

/** A region one level down: where its name is written (its seat, else a point inside it). */
export type AreaChild = { code: string; name: string; at: [number, number] }

/** Above this many grids an area's GeoJSON is too large to load whole (about 0.5 KiB a grid): its wall reads tiles. */
export const TILED_ABOVE_GRIDS = 5000

/**
 * Whether a wall draws its area from the vector tiles: a province or prefecture (thousands to a hundred
 * thousand grids), or any area with more than `TILED_ABOVE_GRIDS` grids; a county as the demo's stays on
 * GeoJSON, drawn whole at once as today.
 */
export const isTiled = (level: RegionLevel, grids: number): boolean => level === 'province' || level === 'prefecture' || grids > TILED_ABOVE_GRIDS

/** Whether a wall of this level shows roll-ups and aggregates, not every patrol and camera: its live room carries cases only. */
export const isWide = (level: string): boolean => level === 'province' || level === 'prefecture'

/**
 * The area a wall's address asks for, if it lies in the account's scope and is not the scope's own; null: the
 * scope's own area (the server refuses an area outside the scope, and the wall shows what it may instead).
 */
export function askedArea(area: string | null, me: Me): string | null {
  if (area === null || !('region' in me.scope) || area === me.scope.region) return null
  return coversArea(reachOf(me.scope, me.whole), area) ? area : null
}

/**
 * The live room a wall listens in: an area asked for, or a province or prefecture, its own (`province:<code>`…),
 * whose changes are that area's, and only its cases above the county; otherwise the scope's home room.
 */
export function wallRooms(me: Me, asked: string | null): Room[] {
  const code = asked ?? ('region' in me.scope ? me.scope.region : null)
  if (code !== null && code.length === 12 && (asked !== null || isWide(codeLevel(code)))) return [`${codeLevel(code)}:${code}` as Room]
  return homeRooms(me.scope, me.whole)
}
const regions = (query
: Record<string, string>) => fetchJson(`/api/v1/regions?${new URLSearchParams(query)}`, RegionCollection)

/** The region `code` (12 digits) as a wall shows it, with its children. */
export async function loadWallArea(code: string): Promise<WallArea> {
  const level = codeLevel(code) as RegionLevel
  const parent = parentCode(code)
  const [siblings, children] = await Promise.all([regions({ level, ...(parent ? { parent } : {}) }), regions({ parent: code })])
  // The store's top region has no parent in the store: it is found among its level's.
  const self = siblings.features.find((f) => f.properties.code === code)
    ?? (parent ? (await regions({ level })).features.find((f) => f.properties.code === code) : undefined)
  if (!self) throw new ApiError(404, 'not_found', `no region with code ${code}`)
  const grids = self.properties.gridCount
  return {
    code,
    name: self.properties.name,
    level: self.properties.level,
    bbox: turf.bbox(self as GeoJSON.Feature) as Bbox,
    grids,
    children: children.features.map((f) => ({
      code: f.properties.code,
      name: f.properties.name,
      at: f.properties.seat ?? (turf.pointOnFeature(f as GeoJSON.Feature).geometry.coordinates as [number, number]),
    })),
    tiled: isTiled(self.properties.level, grids),
  }
}

/** The wall's area: none (a department's or a grid's wall), being read, read, or not in the store. */
export type WallAreaStatus = { kind: 'none' } | { kind: 'loading' } | { kind: 'ready'; area: WallArea } | { kind: 'missing' }

/**
 * The area `code` names, read once and retried every few seconds until the server answers; `none` for a code
 * that is not a region's, `missing` for one the store does not hold.
 */
export function useWallArea(code: string | null): WallAreaStatus {
  const wanted = code !== null && /^\d{12}$/.test(code)
  const [status, setStatus] = useState<WallAreaStatus>(wanted ? { kind: 'loading' } : { kind: 'none' })
  useEffect(() => {
    if (!wanted) {
      setStatus({ kind: 'none' })
      return
    }
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    setStatus({ kind: 'loading' })
    const attempt = () => loadWallArea(code).then(
      (area) => !stopped && setStatus({ kind: 'ready', area }),
      (err: unknown) => {
        if (stopped) return
        if (err instanceof ApiError && err.status === 404) setStatus({ kind: 'missing' })
        else timer = setTimeout(attempt, 5000)
      },
    )
    void attempt()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [code])
  return status
}
