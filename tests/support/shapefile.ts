import { crc32, deflateRawSync } from 'node:zlib'

export type Ring = [number, number][]
export type Polygonal = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] }
export type Row = Record<string, string | number>

const signedArea = (r: Ring) => r.reduce((s, [x, y], i) => (i === 0 ? s : s + (x - r[i - 1]![0]) * (y + r[i - 1]![1])), 0)
/** A Shapefile's outer rings run clockwise and its holes the other way, whichever way the GeoJSON ran. */
const oriented = (r: Ring, outer: boolean) => ((signedArea(r) > 0) === outer ? r : [...r].reverse())

/** A polygon .shp (shape type 5) of the shapes, in the layout of the ESRI Shapefile Technical Description. */
export function shp(shapes: readonly Polygonal[]): Buffer {
  const records = shapes.map((s, n) => {
    const rings = (s.type === 'Polygon' ? [s.coordinates] : s.coordinates).flatMap((p) => p.map((r, i) => oriented(r, i === 0)))
    const points = rings.flat()
    const content = Buffer.alloc(44 + 4 * rings.length + 16 * points.length)
    content.writeInt32LE(5, 0)
    // A loop, not Math.min(...xs): a bomb's million positions are more arguments than a call takes.
    const box = points.reduce<[number, number, number, number]>((b, [x, y]) => [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)], [Infinity, Infinity, -Infinity, -Infinity])
    box.forEach((v, i) => content.writeDoubleLE(v, 4 + 8 * i))
    content.writeInt32LE(rings.length, 36)
    content.writeInt32LE(points.length, 40)
    let start = 0
    rings.forEach((r, i) => {
      content.writeInt32LE(start, 44 + 4 * i)
      start += r.length
    })
    points.forEach(([x, y], i) => {
      content.writeDoubleLE(x, 44 + 4 * rings.length + 16 * i)
      content.writeDoubleLE(y, 52 + 4 * rings.length + 16 * i)
    })
    return record(n, content)
  })
  return shpOf(records)
}

/** Record `n` (from 0) of a .shp, its header before its content. */
function record(n: number, content: Buffer): Buffer {
  const header = Buffer.alloc(8)
  header.writeInt32BE(n + 1, 0)
  header.writeInt32BE(content.length / 2, 4)
  return Buffer.concat([header, content])
}

/**
 * A polygon .shp of one shape a ring, each ring (closed) run round `times` times: a million positions as a
 * hostile file has them, built without a million arrays. A shape's box is its ring's.
 */
export function woundShp(rings: readonly { ring: Ring; times: number }[]): Buffer {
  return shpOf(rings.map(({ ring, times }, n) => {
    const loop = ring.slice(0, -1)
    const points = loop.length * times + 1
    const content = Buffer.alloc(48 + 16 * points)
    content.writeInt32LE(5, 0)
    const xs = ring.map((p) => p[0])
    const ys = ring.map((p) => p[1])
    ;[Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => content.writeDoubleLE(v, 4 + 8 * i))
    content.writeInt32LE(1, 36)
    content.writeInt32LE(points, 40)
    const pattern = Buffer.alloc(16 * loop.length)
    oriented(loop, true).forEach(([x, y], i) => {
      pattern.writeDoubleLE(x, 16 * i)
      pattern.writeDoubleLE(y, 16 * i + 8)
    })
    content.fill(pattern, 48, content.length - 16)
    content.writeDoubleLE(pattern.readDoubleLE(0), content.length - 16)
    content.writeDoubleLE(pattern.readDoubleLE(8), content.length - 8)
    return record(n, content)
  }))
}

/** A polygon .shp of the records, behind its 100-byte header. */
function shpOf(records: readonly Buffer[]): Buffer {
  const head = Buffer.alloc(100)
  head.writeInt32BE(9994, 0)
  head.writeInt32BE((100 + records.reduce((s, r) => s + r.length, 0)) / 2, 24)
  head.writeInt32LE(1000, 28)
  head.writeInt32LE(5, 32)
  return Buffer.concat([head, ...records])
}

/** A dBase III table: text fields ('C') and whole numbers ('N'), as UTF-8 (named by a .cpg). */
export function dbf(rows: readonly Row[]): Buffer {
  const names = Object.keys(rows[0] ?? {})
  const fields = names.map((name) => {
    const numeric = typeof rows[0]![name] === 'number'
    return { name, numeric, length: numeric ? 18 : Math.max(1, ...rows.map((r) => Buffer.byteLength(String(r[name])))) }
  })
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0)
  const head = Buffer.alloc(32 + 32 * fields.length + 1)
  head.writeUInt8(3, 0)
  head.writeUInt32LE(rows.length, 4)
  head.writeUInt16LE(head.length, 8)
  head.writeUInt16LE(recordLength, 10)
  fields.forEach((f, i) => {
    head.write(f.name.toUpperCase(), 32 + 32 * i, 'ascii')
    head.write(f.numeric ? 'N' : 'C', 43 + 32 * i, 'ascii')
    head.writeUInt8(f.length, 48 + 32 * i)
  })
  head.writeUInt8(0x0d, head.length - 1)
  const body = rows.map((r) => {
    const rec = Buffer.alloc(recordLength, ' ')
    let at = 1
    for (const f of fields) {
      const text = String(r[f.name])
      rec.write(f.numeric ? text.padStart(f.length) : text, at, 'utf8')
      at += f.length
    }
    return rec
  })
  return Buffer.concat([head, ...body, Buffer.from([0x1a])])
}

/** A zip archive with UTF-8 names: the .shp deflated, the rest stored, so a reader meets both methods. */
export function zip(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, data] of Object.entries(files)) {
    const deflate = name.endsWith('.shp')
    const packed = deflate ? deflateRawSync(data) : data
    const bytes = Buffer.from(name)
    const fixed = (size: number, sig: number) => {
      const b = Buffer.alloc(size)
      b.writeUInt32LE(sig, 0)
      return b
    }
    const local = fixed(30, 0x04034b50)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x800, 6)
    local.writeUInt16LE(deflate ? 8 : 0, 8)
    local.writeUInt32LE(crc32(data), 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(bytes.length, 26)
    const entry = fixed(46, 0x02014b50)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(20, 6)
    entry.writeUInt16LE(0x800, 8)
    entry.writeUInt16LE(deflate ? 8 : 0, 10)
    entry.writeUInt32LE(crc32(data), 16)
    entry.writeUInt32LE(packed.length, 20)
    entry.writeUInt32LE(data.length, 24)
    entry.writeUInt16LE(bytes.length, 28)
    entry.writeUInt32LE(offset, 42)
    locals.push(local, bytes, packed)
    central.push(entry, bytes)
    offset += 30 + bytes.length + packed.length
  }
  const dir = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(central.length / 2, 8)
  end.writeUInt16LE(central.length / 2, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, dir, end])
}

/** A zipped polygon Shapefile layer `name` of the shapes with their attributes, in WGS 84 (a .prj says so) and UTF-8. */
export function zippedShapefile(name: string, features: readonly { geometry: Polygonal; row: Row }[]): Buffer {
  const prj = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
  return zip({
    [`${name}.shp`]: shp(features.map((f) => f.geometry)),
    [`${name}.dbf`]: dbf(features.map((f) => f.row)),
    [`${name}.prj`]: Buffer.from(prj),
    [`${name}.cpg`]: Buffer.from('UTF-8'),
  })
}
