import { type ChangeEvent, useState } from 'react'
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from '../../../contract'
import { BlobImage } from './BlobImage'

/** At most this many photos a report: a phone's photos are megabytes each, sent over a weak signal. */
export const MAX_PHOTOS = 6

const ACCEPT = PHOTO_TYPES.join(',')
const MIB = 1024 * 1024

/**
 * The report's photos: taken with the camera (`capture`) or picked from the album, checked as the server checks
 * them (JPEG, PNG or WebP, at most 8 MiB) and kept as taken: their position metadata is what the server keeps.
 */
export function PhotoField({ photos, setPhotos }: { photos: readonly File[]; setPhotos: (p: File[]) => void }) {
  const [refused, setRefused] = useState<string | null>(null)
  const add = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])]
    e.target.value = ''
    const wrongType = files.filter((f) => !(PHOTO_TYPES as readonly string[]).includes(f.type))
    const tooBig = files.filter((f) => f.size > PHOTO_MAX_BYTES)
    const ok = files.filter((f) => !wrongType.includes(f) && !tooBig.includes(f))
    const room = MAX_PHOTOS - photos.length
    setRefused([
      wrongType.length ? `${wrongType.length} 个文件不是 JPEG、PNG 或 WebP 图片` : '',
      tooBig.length ? `${tooBig.length} 张照片超过 ${PHOTO_MAX_BYTES / MIB} MB` : '',
      ok.length > room ? `每次上报至多 ${MAX_PHOTOS} 张照片` : '',
    ].filter(Boolean).join('；') || null)
    setPhotos([...photos, ...ok.slice(0, Math.max(0, room))])
  }
  const full = photos.length >= MAX_PHOTOS
  return (
    <fieldset className="phone-field photos" data-testid="photos">
      <legend>现场照片 <span className="dim">{photos.length}/{MAX_PHOTOS}</span></legend>
      <div className="photo-grid">
        {photos.map((p, i) => (
          <figure key={`${p.name}-${p.lastModified}-${i}`} className="photo" data-testid="photo">
            <BlobImage blob={p} alt={`照片 ${i + 1}`} />
            <button type="button" className="remove" aria-label={`删除照片 ${i + 1}`} onClick={() => setPhotos(photos.filter((_, j) => j !== i))}>×</button>
          </figure>
        ))}
        {!full && (
          <>
            <label className="photo-add camera">
              <input type="file" accept={ACCEPT} capture="environment" onChange={add} data-testid="photo-camera" />
              <span className="icon" aria-hidden="true" />拍照
            </label>
            <label className="photo-add album">
              <input type="file" accept={ACCEPT} multiple onChange={add} data-testid="photo-album" />
              <span className="icon" aria-hidden="true" />相册
            </label>
          </>
        )}
      </div>
      {refused && <span className="field-error" role="alert">{refused}</span>}
    </fieldset>
  )
}
