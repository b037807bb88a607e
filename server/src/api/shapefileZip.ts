import { promisify } from 'node:util'
import { inflateRaw } from 'node:zlib'
import { checkDbf, checkShp, unreadable } from './shapefileLimits'
import { type ParseOptions, parseInWorker } from './shapefileParse'

const inflate = promisify(inflateRaw)

/** What a zipped Shapefile may unpack to at most: a community's grids are kilobytes, a surveyed county's a few megabytes. */
const MAX_UNPACKED = 64 * 1024 * 1024


/**
 * The files of a zip archive by lower-cased name. Unzipped here rather than by shpjs's own reader, so every
 * entry is inflated under a cap (a zip bomb is refused, not unpacked) and a broken archive is a 400. Inflated on
 * libuv's thread pool: 64 MiB inflated in place held the event loop for a few hundred ms.
 */
async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  // The end-of-central-directory record: the last 22 bytes, or further back by a comment of up to 65,535.
  let end = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557) && end < 0; i--) if (zip.readUInt32LE(i) === 0x06054b50) end = i
  if (end < 0) throw unreadable('is not a zip archive')
  const files = new Map<string, Buffer>()
  let left = MAX_UNPACKED
  let at = zip.readUInt32LE(end + 16)
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw unreadable('is a damaged zip archive')
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
    if (name.endsWith('/') || name.includes('__MACOSX')) continue
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw unreadable('is a damaged zip archive')
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const packed = zip.subarray(start, start + size)
    if (method !== 0 && method !== 8) throw unreadable(`holds ${name} packed in a way other than stored or deflated`)
    let data: Buffer
    try {
      data = method === 0 ? packed : await inflate(packed, { maxOutputLength: Math.max(1, left) })
    } catch {
      throw unreadable(`unpacks to more than ${MAX_UNPACKED / 1024 / 1024} MiB, or holds a damaged ${name}`)
    }
    left -= data.length
    if (left < 0) throw unreadable(`unpacks to more than ${MAX_UNPACKED / 1024 / 1024} MiB`)
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
 * archive that is not one layer of a Shapefile, or whose headers disagree with its files' sizes or exceed the
 * draft limits (checked before it is read); 422 for one that takes the reader longer or more memory than
 * `options` allow (read in a worker thread, so the server answers others meanwhile).
 */
export async function shapefileFeatures(zip: Buffer, options: ParseOptions = {}): Promise<unknown> {
  const files = await unzip(zip)
  const layers = [...files.keys()].filter((n) => n.endsWith('.shp'))
  if (layers.length !== 1) throw unreadable(`holds ${layers.length} Shapefile layers (.shp); send one`)
  const base = layers[0]!.slice(0, -4)
  const text = (ext: string) => files.get(`${base}.${ext}`)?.toString('utf8')
  const shp = files.get(`${base}.shp`)!
  const dbf = files.get(`${base}.dbf`)
  const shapes = checkShp(shp, `${base}.shp`)
  if (dbf) checkDbf(dbf, `${base}.dbf`, shapes)
  const prj = text('prj')
  const cpg = text('cpg')
  // Copies of the bytes alone: a Buffer may be a view of a larger one (the request's, or Node's shared pool), all of which a worker would be sent.
  const collection = await parseInWorker({ shp: new Uint8Array(shp), ...(dbf ? { dbf: new Uint8Array(dbf) } : {}), ...(prj ? { prj } : {}), ...(cpg ? { cpg } : {}) }, options)
  return { ...collection, features: collection.features.map((f) => ({ ...f, properties: gridProperties(f.properties) })) }
}
