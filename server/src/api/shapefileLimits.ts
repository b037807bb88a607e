import { DRAFT_LIMITS } from '../../../contract'
import { invalidRequest } from './errors'

/**
 * A Shapefile's headers read before its parser sees it. shpjs trusts them: parsedbf loops once per record the
 * .dbf header claims (4,294,967,295 in a 283-byte file took a minute and the process's memory), and the ring
 * pairing is O(rings²) per shape (120,000 rings froze the server for 47 s). Walking the record headers is
 * O(shapes) and reads a few bytes each, so a file over the contract's limits is refused here, before it is read.
 * Layouts: the ESRI Shapefile Technical Description (1998) and dBase III's file header.
 */

const invalid = (field: string, reason: string) => invalidRequest('body', [{ field, reason }])
/** A 400 for the uploaded file as a whole (field `(body)`): a broken archive, a header that lies, a file the reader refused. */
export const unreadable = (reason: string) => invalid('(body)', reason)

/** Shape types a grid can be: Polygon, PolygonZ, PolygonM; 0 is a null shape (a record with no geometry). */
const POLYGONS = new Set([5, 15, 25])

/**
 * Checks the .shp `name` (its name in the archive) against its own size and the draft limits: the header's
 * file length is the file's, each record fits in the file, each is a polygon whose parts and points fit in its
 * record, a ring has at least 4 positions, and the positions per grid and in all are within DRAFT_LIMITS.
 * Features are named by their record's index, as the contract names them. Returns the number of records.
 */
export function checkShp(shp: Buffer, name: string): number {
  if (shp.length < 100 || shp.readInt32BE(0) !== 9994) throw unreadable(`${name} is not a Shapefile (.shp): its header is not one`)
  const claimed = shp.readInt32BE(24) * 2
  if (claimed !== shp.length) throw unreadable(`${name}'s header says the file has ${claimed} bytes, but it has ${shp.length}`)
  const type = shp.readInt32LE(32)
  if (!POLYGONS.has(type)) throw unreadable(`${name} holds shapes of type ${type}; grids are polygons (type 5, 15 or 25)`)
  let records = 0
  let positions = 0
  for (let at = 100; at < shp.length; records++) {
    if (records >= DRAFT_LIMITS.grids) throw invalid('features', `a draft may have at most ${DRAFT_LIMITS.grids} grids; ${name} has more`)
    const field = `features.${records}.geometry`
    if (at + 12 > shp.length) throw unreadable(`${name} ends inside record ${records + 1}'s header`)
    const length = shp.readInt32BE(at + 4) * 2
    const end = at + 8 + length
    if (length < 4 || end > shp.length) throw unreadable(`${name}'s record ${records + 1} claims ${length} bytes, past the end of the file`)
    const shape = shp.readInt32LE(at + 8)
    if (shape !== 0) {
      if (shape !== type) throw unreadable(`${name}'s record ${records + 1} is of shape type ${shape}, not the file's ${type}`)
      if (length < 44) throw unreadable(`${name}'s record ${records + 1} is too short for a polygon`)
      const parts = shp.readInt32LE(at + 44)
      const points = shp.readInt32LE(at + 48)
      if (parts < 0 || points < 0 || 44 + 4 * parts + 16 * points > length) {
        throw unreadable(`${name}'s record ${records + 1} claims ${parts} rings of ${points} positions, more than its ${length} bytes hold`)
      }
      if (points > DRAFT_LIMITS.gridPositions) throw invalid(field, `a grid may have at most ${DRAFT_LIMITS.gridPositions} positions; this one has ${points}`)
      if (parts * 4 > points) throw invalid(field, `a ring needs at least 4 positions; this grid has ${parts} rings of ${points} positions in all`)
      positions += points
      if (positions > DRAFT_LIMITS.draftPositions) {
        throw invalid('features', `a draft may have at most ${DRAFT_LIMITS.draftPositions} positions in all; ${name} has more by record ${records + 1}`)
      }
    }
    at = end
  }
  return records
}

/**
 * Checks the .dbf `name` against its own size: its header's length and record length, times the records it
 * claims, must fit in the file, and it must hold one record per shape of the .shp (`shapes`), as the format
 * has it. Only the header is read.
 */
export function checkDbf(dbf: Buffer, name: string, shapes: number): void {
  if (dbf.length < 33) throw unreadable(`${name} is not a dBase table (.dbf): it is shorter than its header`)
  const records = dbf.readUInt32LE(4)
  const headerLength = dbf.readUInt16LE(8)
  const recordLength = dbf.readUInt16LE(10)
  if (headerLength < 33 || recordLength < 1) throw unreadable(`${name} is not a dBase table (.dbf): its header is not one`)
  const needed = headerLength + records * recordLength
  if (needed > dbf.length) {
    throw unreadable(`${name}'s header claims ${records} records of ${recordLength} bytes after ${headerLength} bytes of header, `
      + `${needed} bytes, but the file has ${dbf.length}`)
  }
  if (records !== shapes) throw unreadable(`${name} has ${records} records for the ${shapes} shapes of its .shp; a Shapefile has one record a shape`)
}
