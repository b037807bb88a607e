import exifr from 'exifr'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { CasePhotos, CaseSummary, PhotoInfo, photoPath } from '../../contract'
import { as, call } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

/** A grid worker's photos of a case (issue 18): checked by what the bytes are, stored re-encoded, located, thumbnailed. */
const city = servedCity()
const X = '231281001001001'

/** A phone's JPEG: 1600×1200, with where it was taken and who took it with what in its EXIF. */
const phonePhoto = () => sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#4a7' } }).jpeg().withExif({
  IFD0: { Make: 'TestPhone', Model: 'X1', Artist: '王秀英' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '46/1 24/1 3600/100', GPSLongitudeRef: 'E', GPSLongitude: '125/1 19/1 4800/100' },
}).toBuffer()

const upload = (id: number, body: Buffer | string, type: string, who: Record<string, string> = as.gridWorker) =>
  fetch(`${city.server.url}/api/v1/cases/${id}/photos`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { ...who, 'content-type': type } })

let caseId: number
beforeAll(async () => {
  const res = await call(`${city.server.url}/api/v1/cases`, 'POST', {
    category: 'hazard', kind: 'fire', source: 'grid_worker', location: await pointInGrid(city.db, X), description: '楼道堆放杂物',
  }, as.gridWorker)
  caseId = CaseSummary.parse(res.body).id
})

describe('a case\'s photos', () => {
  it('keeps a phone\'s photo re-encoded with where it was taken, and nothing else of its metadata; a thumbnail beside it', async () => {
    const res = await upload(caseId, await phonePhoto(), 'image/jpeg')
    expect(res.status).toBe(201)
    const info = PhotoInfo.parse(await res.json())
    expect(info).toMatchObject({ caseId, width: 1600, height: 1200 })
    expect(info.takenAt![0]).toBeCloseTo(125.33, 4)
    expect(info.takenAt![1]).toBeCloseTo(46.41, 4)

    const full = await fetch(`${city.server.url}${photoPath(caseId, info.id)}`, { headers: as.gridWorker })
    expect(full.status).toBe(200)
    expect(full.headers.get('content-type')).toBe('image/jpeg')
    const stored = Buffer.from(await full.arrayBuffer())
    expect(await exifr.parse(stored).catch(() => undefined)).toBeUndefined()
    expect(stored.includes(Buffer.from('TestPhone'))).toBe(false)

    const thumb = Buffer.from(await (await fetch(`${city.server.url}${photoPath(caseId, info.id, true)}`, { headers: as.gridWorker })).arrayBuffer())
    expect(await sharp(thumb).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 240 })

    const listed = CasePhotos.parse(await (await fetch(`${city.server.url}/api/v1/cases/${caseId}/photos`, { headers: as.dutyLeader })).json())
    expect(listed.photos.map((p) => p.id)).toEqual([info.id])
  })

  it('refuses what is not the image it says it is, a type it does not take, and an empty body, storing nothing', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer()
    const refusals = await Promise.all([
      upload(caseId, png, 'image/jpeg'),
      upload(caseId, 'GIF89a not really', 'image/gif'),
      upload(caseId, Buffer.from('<svg/>'), 'image/jpeg'),
      upload(caseId, Buffer.alloc(0), 'image/jpeg'),
    ])
    expect(refusals.map((r) => r.status)).toEqual([400, 415, 400, 400])
    expect(await refusals[0]!.json()).toMatchObject({ issues: [{ field: 'body', reason: 'is png, not the image/jpeg the Content-Type says' }] })
    const [{ n }] = (await city.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_photos WHERE case_id = $1', [caseId])) as [{ n: number }]
    expect(n).toBe(1)
  })

  it('refuses a photo over 8 MiB with a 413, and a decompression bomb by its pixels with a 400', async () => {
    expect((await upload(caseId, Buffer.alloc(9 * 1024 * 1024, 1), 'image/jpeg')).status).toBe(413)
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer()
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const res = await upload(caseId, bomb, 'image/png')
    expect(res.status).toBe(400)
  })

  it('shows photos to those who handle cases in scope only: not the wall, not another grid\'s worker', async () => {
    expect((await fetch(`${city.server.url}/api/v1/cases/${caseId}/photos`, { headers: as.wall })).status).toBe(403)
    expect((await upload(caseId, await phonePhoto(), 'image/jpeg', as.analyst)).status).toBe(403)
    const elsewhere = await call(`${city.server.url}/api/v1/cases`, 'POST', {
      category: 'hazard', kind: 'gas', source: 'hotline_12345', location: await pointInGrid(city.db, '231281001001002'), description: '燃气味',
    }, as.dutyLeader)
    expect((await upload(CaseSummary.parse(elsewhere.body).id, await phonePhoto(), 'image/jpeg')).status).toBe(404)
  })
})
