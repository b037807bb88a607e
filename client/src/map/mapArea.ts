import * as turf from '@turf/turf'
import { useEffect, useState } from 'react'
import { RegionCollection, type RegionLevel } from '../../../contract'
import { codeLevel, parentCode } from '../../../domain/access'
import { ApiError, fetchJson } from '../api/fetchJson'
import type { Bounds } from './MapView'

/** An area a screen frames (a wall's, a wide desk's): a region of any level, framed by its box, with the areas one level down where their names are written. */
export type MapArea = {
  code: string
  name: string
  level: RegionLevel
  bbox: Bounds
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

const regions = (query
: Record<string, string>) => fetchJson(`/api/v1/regions?${new URLSearchParams(query)}`, RegionCollection)

/** The region `code` (12 digits) as a screen frames it, with its children. */
export async function loadMapArea(code: string): Promise<MapArea> {
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
    bbox: turf.bbox(self as GeoJSON.Feature) as Bounds,
    grids,
    children: children.features.map((f) => ({
      code: f.properties.code,
      name: f.properties.name,
      at: f.properties.seat ?? (turf.pointOnFeature(f as GeoJSON.Feature).geometry.coordinates as [number, number]),
    })),
    tiled: isTiled(self.properties.level, grids),
  }
}

/** A screen's area: none (a department's or a grid's screen), being read, read, or not in the store. */
export type MapAreaStatus = { kind: 'none' } | { kind: 'loading' } | { kind: 'ready'; area: MapArea } | { kind: 'missing' }

/**
 * The area `code` names, read once and retried every few seconds until the server answers; `none` for a code
 * that is not a region's, `missing` for one the store does not hold.
 */
export function useMapArea(code: string | null): MapAreaStatus {
  const wanted = code !== null && /^\d{12}$/.test(code)
  const [status, setStatus] = useState<MapAreaStatus>(wanted ? { kind: 'loading' } : { kind: 'none' })
  useEffect(() => {
    if (!wanted) {
      setStatus({ kind: 'none' })
      return
    }
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    setStatus({ kind: 'loading' })
    const attempt = () => loadMapArea(code).then(
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
