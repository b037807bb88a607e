import { LRUCache } from 'lru-cache'
import { type Bbox, type Change, TILE_LAYERS, type TileAddress, type TileLayer } from '../../../contract'
import { bboxesMeet, tileAt, tileBbox } from '../../../domain/tileMath'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import { encodeTile, type TileRow } from './encodeTile'

const sql = sqlFiles(['tile_mvt', 'tile_features', 'tile_encoder', 'region_bbox'])

/** Who writes the protobuf: PostGIS (ST_AsMVT, where it was built with protobuf) or Node (encodeTile). */
export type TileEncoder = 'postgis' | 'node'

export type TileSource = {
  readonly encoder: TileEncoder
  /** The tile's bytes (an empty tile is a zero-length body), from the cache when nothing it shows has changed since. */
  tile(address: TileAddress): Promise<Buffer>
  /**
   * Forgets the tiles committed changes may have altered: for a grid, every tile over its community (the
   * old shape and the new both lie in it); for a camera, the tiles at its point. Called before the changes
   * are broadcast, so a screen that hears of a change and asks again gets the new tile.
   */
  forget(changes: readonly Change[]): Promise<void>
  /** Whether the tile is held now (a change over it has not been heard since it was made). */
  holds(address: TileAddress): boolean
}

const WORLD: Bbox = [-180, -90, 180, 90]
/** Web mercator's edge, north and south. */
const MAX_LAT = 85.0511
const keyOf = (a: { layer: TileLayer; z: number; x: number; y: number }) => `${a.layer}/${a.z}/${a.x}/${a.y}`

/** Which encoder the store allows: PostGIS's own where it has protobuf (a server usually), Node's otherwise (the embedded engine). */
export async function encoderOf(db: Db): Promise<TileEncoder> {
  const [row] = await db.query<{ mvt: boolean }>(sql.tile_encoder)
  return row!.mvt ? 'postgis' : 'node'
}

/**
 * Vector tiles over the store, cached in this process by bytes (least recently used go first). A render
 * that overlaps a change is served but not kept, and one under way is not joined after a change, so no
 * request after a change is answered from before it.
 */
export async function createTileSource(db: Db, options: { encoder?: TileEncoder; maxBytes?: number } = {}): Promise<TileSource> {
  const encoder = options.encoder ?? (await encoderOf(db))
  const cache = new LRUCache<string, Buffer>({ maxSize: options.maxBytes ?? 64 * 1024 * 1024, sizeCalculation: (b) => Math.max(b.length, 1) })
  const inFlight = new Map<string, Promise<Buffer>>()
  const communityBboxes = new Map<string, Bbox>()
  // Per layer, how many changes have been forgotten: a render that saw the count move is not kept.
  const changesSeen: Record<TileLayer, number> = { grids: 0, regions: 0, cameras: 0 }

  async function render({ layer, z, x, y }: TileAddress): Promise<Buffer> {
    if (encoder === 'postgis') {
      const [row] = await db.query<{ tile: Uint8Array }>(sql.tile_mvt, [layer, z, x, y])
      return Buffer.from(row!.tile)
    }
    return Buffer.from(encodeTile(layer, await db.query<TileRow>(sql.tile_features, [layer, z, x, y])))
  }

  async function communityBbox(code: string): Promise<Bbox | null> {
    const known = communityBboxes.get(code)
    if (known) return known
    const [row] = await db.query<{ bbox: Bbox }>(sql.region_bbox, [code])
    if (row) communityBboxes.set(code, row.bbox)
    return row?.bbox ?? null
  }

  // The tiles of `layer` meeting `where`: by their addresses, zoom by zoom, or by a pass over what is held
  // when that is shorter (a whole layer; a wide area at a close zoom).
  function drop(layer: TileLayer, where: Bbox): void {
    const { minZoom, maxZoom } = TILE_LAYERS[layer]
    for (let z = minZoom; z <= maxZoom; z++) {
      const last = 2 ** z - 1
      const clamp = (t: { x: number; y: number }) => ({ x: Math.min(Math.max(t.x, 0), last), y: Math.min(Math.max(t.y, 0), last) })
      const from = clamp(tileAt([where[0], Math.min(where[3], MAX_LAT)], z))
      const to = clamp(tileAt([where[2], Math.max(where[1], -MAX_LAT)], z))
      if ((to.x - from.x + 1) * (to.y - from.y + 1) > cache.size) {
        for (const key of [...cache.keys()]) {
          const [keyLayer, kz, x, y] = key.split('/')
          if (keyLayer === layer && Number(kz) === z && bboxesMeet(tileBbox(z, Number(x), Number(y)), where)) cache.delete(key)
        }
        continue
      }
      for (let x = from.x; x <= to.x; x++) for (let y = from.y; y <= to.y; y++) cache.delete(keyOf({ layer, z, x, y }))
    }
  }

  return {
    encoder,
    tile(address) {
      const key = keyOf(address)
      const kept = cache.get(key)
      if (kept) return Promise.resolve(kept)
      const pending = inFlight.get(key)
      if (pending) return pending
      const seenAtStart = changesSeen[address.layer]
      const rendering = render(address)
        .then((bytes) => {
          if (changesSeen[address.layer] === seenAtStart) cache.set(key, bytes)
          return bytes
        })
        .finally(() => {
          if (inFlight.get(key) === rendering) inFlight.delete(key)
        })
      inFlight.set(key, rendering)
      return rendering
    },
    async forget(changes) {
      const areas: { layer: TileLayer; where: Bbox }[] = []
      // The log's payloads are sent as they were written, not parsed again: one without its place (an
      // older or a hand-made row) forgets every tile of its layer rather than stop the stream.
      for (const change of changes) {
        if (change.entity === 'grid') {
          const code = (change.data as Partial<typeof change.data>).communityCode
          areas.push({ layer: 'grids', where: (code && (await communityBbox(code))) || WORLD })
        } else if (change.entity === 'camera') {
          const at = (change.data as Partial<typeof change.data>).location
          areas.push({ layer: 'cameras', where: at ? [at[0], at[1], at[0], at[1]] : WORLD })
        }
      }
      for (const { layer, where } of areas) {
        changesSeen[layer]++
        for (const key of inFlight.keys()) if (key.startsWith(`${layer}/`)) inFlight.delete(key)
        drop(layer, where)
      }
    },
    holds: (address) => cache.has(keyOf(address)),
  }
}
