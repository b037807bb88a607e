import type { Bbox, GridAt, Health, RegionLevel, RegionNames, RegionRef } from '../../../contract'
import type { Db } from './Db'
import { sqlFiles } from './sqlFiles'

const sql = sqlFiles(['regions_geojson', 'grids_geojson', 'roads_geojson', 'grid_at', 'region_by_code', 'grid_by_code', 'health', 'region_names'])

const bboxParams = (bbox?: Bbox) => (bbox ? [...bbox] : [null, null, null, null])

/** The regions whose codes begin with `prefix` ('' every one), and with `grids` the current grids too, named without their shapes. */
export const regionNames = (db: Db, prefix: string, grids: boolean): Promise<RegionNames> => db.query(sql.region_names, [prefix, grids])

/** Regions as GeoJSON text, straight from PostGIS. */
export async function regionsGeoJson(db: Db, f: { level?: RegionLevel; parent?: string; bbox?: Bbox }): Promise<string> {
  const [row] = await db.query<{ body: string }>(sql.regions_geojson, [f.level ?? null, f.parent ?? null, ...bboxParams(f.bbox)])
  return row!.body
}

/** The current grids `f` asks for as GeoJSON text, straight from PostGIS; null when there are more than `max` of them. */
export async function gridsGeoJson(db: Db, f: { bbox?: Bbox; region?: string; kind?: string }, max: number): Promise<string | null> {
  const [row] = await db.query<{ body: string | null }>(sql.grids_geojson, [...bboxParams(f.bbox), f.region ?? null, f.kind ?? null, max])
  return row!.body
}

/** The base map's roads as GeoJSON text. */
export async function roadsGeoJson(db: Db): Promise<string> {
  const [row] = await db.query<{ body: string }>(sql.roads_geojson)
  return row!.body
}

export async function regionByCode(db: Db, code: string): Promise<(RegionRef & { root: boolean }) | null> {
  const [row] = await db.query<RegionRef & { root: boolean }>(sql.region_by_code, [code])
  return row ?? null
}

/** The current grid with `code`, or null. */
export async function gridByCode(db: Db, code: string): Promise<{ code: string; name: string } | null> {
  const [row] = await db.query<{ code: string; name: string }>(sql.grid_by_code, [code])
  return row ?? null
}

type GridAtRow = Omit<GridAt['grid'], 'communityCode' | 'townshipCode'> & { regions: GridAt['regions'] }

/** The grid at a point and its region chain, or null outside every grid. */
export async function gridAt(db: Db, lon: number, lat: number): Promise<GridAt | null> {
  const [row] = await db.query<GridAtRow>(sql.grid_at, [lon, lat])
  if (!row) return null
  const { regions, ...grid } = row
  return { grid: { ...grid, communityCode: regions[0]!.code, townshipCode: regions[1]!.code }, regions }
}

export async function health(db: Db): Promise<Health> {
  const [row] = await db.query<{ postgis: string; version: number; name: string; regions: number; grids: number }>(sql.health)
  return {
    status: 'ok', engine: db.engine, postgis: row!.postgis,
    migration: { version: row!.version, name: row!.name },
    city: { regions: row!.regions, grids: row!.grids },
  }
}
