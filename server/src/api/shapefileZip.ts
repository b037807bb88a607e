import { inflateRawSync } from 'node:zlib'
import { combine, parseDbf, parseShp } from 'shpjs'
import { HttpError } from './errors'

/** What a zipped Shapefile may unpack to at most: a community's grids are kilobytes, a surveyed county's a few megabytes. */
const MAX_UNPACKED = 64 * 1024 * 1024

const refuse = (reason: string) => new HttpError(400, 'invalid_body', `(body): ${reason}`, [{ field: '(body)', reason }])

/**
 * The files of a zip archive by lower-cased name. Unzipped here rather than by shpjs's own reader, so every
 * entry is inflated under a cap (a zip bomb is refused, not unpacked) and a broken archive is a 400.
 */
function unzip(zip: Buffer): Map<string, Buffer> {
  // The end-of-central-directory record: the last 22 bytes, or further back by a comment of up to 65,535.
  let end = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557) && end < 0; i--) if (zip.readUInt32LE(i) === 0x06054b50) end = i
  if (end < 0) throw refuse('is not a zip archive')
  const files = new Map<string, Buffer>()
  let left = MAX_UNPACKED
  let at = zip.readUInt32LE(end + 16)
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw refuse('is a damaged zip archive')
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
    if (name.endsWith('/') || name.includes('__MACOSX')) continue
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw refuse('is a damaged zip archive')
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const packed = zip.subarray(start, start + size)
    if (method !== 0 && method !== 8) throw refuse(`holds ${name} packed in a way other than stored or deflated`)
    let data: Buffer
    try {
      data = method === 0 ? packed : inflateRawSync(packed, { maxOutputLength: Math.max(1, left) })
    } catch {
      throw refuse(`unpacks to more than ${MAX_UNPACKED / 1024 / 1024} MiB, or holds a damaged ${name}`)
    }
    left -= data.length
    if (left < 0) throw refuse(`unpacks to more than ${MAX_UNPACKED / 1024 / 1024} MiB`)
    files.set(name.toLowerCase(), data)
  }
  return files
}

/** A grid property and the attribute names a Shapefile may give it (DBF names stop at 10 characters). */
const ATTRIBUTES: Record<string, readonly string[]> = {
  code: ['code', 'gridcode', 'grid_code'],
  name: ['name', 'gridname', 'grid_name'],
  kind: ['kind'],
  households: ['households', 'hh'],
  leaders: ['leaders'],
  fulltimeWorkers: ['fulltimeworkers', 'fulltime', 'fulltime_w'],
  parttimeWorkers: ['parttimeworkers', 'parttime', 'parttime_w'],
  sourceCode: ['sourcecode', 'source_cod', 'source'],
}
const CODES = new Set(['code', 'sourceCode'])

/** A DBF record as draft grid properties: text trimmed, a code stored as a number written out, an empty number left out. */
function gridProperties(record: Record<string, unknown> | null): Record<string, unknown> {
  const byName = new Map(Object.entries(record ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]))
  const out: Record<string, unknown> = {}
  for (const [property, names] of Object.entries(ATTRIBUTES)) {
    const name = names.find((n) => byName.has(n))
    if (name === undefined) continue
    let value = byName.get(name)
    if (typeof value === 'string') value = value.trim()
    if (value === '' || (typeof value === 'number' && Number.isNaN(value))) continue
    if (CODES.has(property) && typeof value === 'number') value = value.toFixed(0)
    out[property] = value
  }
  return out
}

/**
 * A zipped Shapefile of polygons (.shp with its .dbf, and .prj to reproject to WGS 84, .cpg for the text
 * encoding) as a FeatureCollection of draft grids, for the same validation as a GeoJSON import. 400 for an
 * archive that is not one layer of a Shapefile.
 */
export function shapefileFeatures(zip: Buffer): unknown {
  const files = unzip(zip)
  const layers = [...files.keys()].filter((n) => n.endsWith('.shp'))
  if (layers.length !== 1) throw refuse(`holds ${layers.length} Shapefile layers (.shp); send one`)
  const base = layers[0]!.slice(0, -4)
  const text = (ext: string) => files.get(`${base}.${ext}`)?.toString('utf8')
  try {
    const dbf = files.get(`${base}.dbf`)
    const collection = combine([parseShp(files.get(`${base}.shp`)!, text('prj')), dbf ? parseDbf(dbf, text('cpg')) : []])
    return { ...collection, features: collection.features.map((f) => ({ ...f, properties: gridProperties(f.properties) })) }
  } catch (err) {
    throw refuse(`is not a readable Shapefile: ${(err as Error).message}`)
  }
}
