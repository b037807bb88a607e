import exifr from 'exifr'
import sharp from 'sharp'
import type { CaseSummary } from '../../../contract/cases'
import type { PhotoInfo } from '../../../contract/intake'
import { reachesCase } from '../../../domain/access'
import type { Clock } from '../clock'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import type { Identity } from './identity'
import { invalid, notFound } from './serviceErrors'

const sql = sqlFiles(['case_summary', 'photo_insert', 'photos_of_case', 'photo_bytes'])

/** A phone's photo is at most this many pixels before it is read: a small file that decodes to gigapixels is refused. */
const MAX_PIXELS = 40_000_000
const FULL_EDGE = 2048
const THUMB_EDGE = 320

/** What the bytes say they are, by their own header, against what the request said. */
const FORMAT_OF: Record<string, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' }

/**
 * Where the phone said it took the photo, from its EXIF GPS block; null when it said nothing or nonsense.
 * The one piece of metadata kept: everything else (camera, owner, times, thumbnails) goes with the re-encoding.
 */
async function gpsOf(bytes: Buffer): Promise<[number, number] | null> {
  try {
    const gps = (await exifr.gps(bytes)) as { longitude?: number; latitude?: number } | undefined
    const { longitude: lon, latitude: lat } = gps ?? {}
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return null
    return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : null
  } catch {
    return null
  }
}

/** Photos of cases, from the phones: checked, re-encoded without metadata, stored with the case, thumbnailed. */
export function photoCommands({ db, clock }: { db: Db; clock: Clock }) {
  const inScope = async (id: number, caller: Identity): Promise<CaseSummary> => {
    const [row] = await db.query<{ summary: CaseSummary }>(sql.case_summary, [id])
    if (!row || !reachesCase(caller.reach, row.summary)) throw notFound(`no case with id ${id} in this account's scope`)
    return row.summary
  }

  return {
    /** 400 naming `body` for bytes that are not the image type the request named, or not an image at all. */
    async add(id: number, type: string, bytes: Buffer, caller: Identity): Promise<PhotoInfo> {
      await inScope(id, caller)
      let meta: sharp.Metadata
      try {
        meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata()
      } catch {
        throw invalid([{ field: 'body', reason: `is not a readable ${type} image` }])
      }
      if (meta.format !== FORMAT_OF[type]) throw invalid([{ field: 'body', reason: `is ${meta.format ?? 'no image'}, not the ${type} the Content-Type says` }])
      if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PIXELS) throw invalid([{ field: 'body', reason: `is over ${MAX_PIXELS / 1e6} megapixels` }])
      const taken = await gpsOf(bytes)
      let full: { data: Buffer; info: sharp.OutputInfo }
      let thumb: Buffer
      try {
        // rotate() applies the EXIF orientation before the metadata is dropped; sharp keeps none unless asked.
        const upright = sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate()
        full = await upright.clone().resize(FULL_EDGE, FULL_EDGE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 82 }).toBuffer({ resolveWithObject: true })
        thumb = await upright.clone().resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 70 }).toBuffer()
      } catch {
        throw invalid([{ field: 'body', reason: `is a damaged ${type} image` }])
      }
      const [row] = await db.query<PhotoInfo>(sql.photo_insert, [
        id, caller.accountId, clock.now(), full.info.width, full.info.height, taken?.[0] ?? null, taken?.[1] ?? null, full.data, thumb,
      ])
      return row!
    },

    async list(id: number, caller: Identity): Promise<PhotoInfo[]> {
      await inScope(id, caller)
      return db.query<PhotoInfo>(sql.photos_of_case, [id])
    },

    async jpeg(id: number, photoId: number, thumbnail: boolean, caller: Identity): Promise<Buffer> {
      await inScope(id, caller)
      const [row] = await db.query<{ jpeg: Buffer | Uint8Array }>(sql.photo_bytes, [id, photoId, thumbnail])
      if (!row) throw notFound(`case ${id} has no photo ${photoId}`)
      return Buffer.from(row.jpeg)
    },
  }
}
export type PhotoCommands = ReturnType<typeof photoCommands>
