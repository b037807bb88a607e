import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { ApiErrorBody, DRAFT_LIMITS } from '../../contract'
import { shapefileFeatures } from '../../server/src/api/shapefileZip'
import { as } from '../support/serve'
import { servedCity } from '../support/servedCity'
import { dbf, type Ring, shp, woundShp, zip } from '../support/shapefile'

/**
 * Hostile uploads to the analysts' import: each built here, each answered 4xx within a second, naming
 * what is wrong, while the server goes on answering everyone else at its usual pace.
 */
const city = servedCity()
const COMMUNITY = '231281003002'

const ms = async (work: () => Promise<unknown>) => {
  const started = performance.now()
  await work()
  return performance.now() - started
}
/** A request any wall makes, the other request being timed. */
const probe = () => fetch(`${city.server.url}/api/health`).then((r) => r.json())
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/**
 * The probe's usual time, just before it is timed beside an upload: the median of 5 asked one after another (after
 * one not counted). Measured each time, as the machine's load is now, not as it was at the start of the file.
 */
async function aloneMs(): Promise<number> {
  await probe()
  const times: number[] = []
  for (let i = 0; i < 5; i++) times.push(await ms(probe))
  return median(times)
}

/** The bound for the probe while an upload is in: generous, since a test machine is noisy, but a frozen loop is seconds. */
const unhurried = (worst: number, alone: number) => expect(worst).toBeLessThan(Math.max(500, 5 * alone))

/**
 * `upload` posted while `probe` is asked at its pace until it is answered: the upload's time and answer, the probe's
 * usual time just before, and its slowest meanwhile.
 */
async function alongside(body: Buffer | string, type = 'application/zip') {
  const alone = await aloneMs()
  let done = false
  const started = performance.now()
  const upload = fetch(`${city.server.url}/api/v1/drafts/import?community=${COMMUNITY}`, {
    method: 'POST', headers: { ...as.analyst, 'content-type': type }, body: typeof body === 'string' ? body : new Uint8Array(body),
  }).then(async (res) => ({ status: res.status, body: ApiErrorBody.parse(await res.json()), ms: performance.now() - started }))
    .finally(() => { done = true })
  const probes = await probing(() => done)
  return { ...(await upload), aloneMs: alone, worstProbeMs: Math.max(...probes), probes: probes.length }
}

/**
 * The probe's times, one started now and one every 50 ms until `done()`: a wall's requests come at their own pace, and
 * back-to-back probes would keep the embedded engine (on this thread) busy enough to slow the upload themselves.
 */
async function probing(done: () => boolean): Promise<number[]> {
  const probes = [ms(probe)]
  while (!done()) {
    await sleep(50)
    if (!done()) probes.push(ms(probe))
  }
  return Promise.all(probes)
}

const square = (x: number, y: number, side = 0.01): Ring => [[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]]
/** A layer of one grid a ring, each ring run round `times` times (4 positions a time, and 1 to close it). */
const wound = (name: string, rings: { ring: Ring; times: number }[]) =>
  zip({ [`${name}.shp`]: woundShp(rings), [`${name}.dbf`]: dbf(rings.map((_, i) => row(i + 1))) })
const row = (n: number) => ({ code: `231281003002${String(n).padStart(3, '0')}`, name: `网格${n}`, kind: 'urban', households: 250 })

describe('a hostile Shapefile upload', () => {

  it('whose .dbf header claims 4,294,967,295 records in a few hundred bytes is refused at once, naming the file', async () => {
    const table = dbf([row(1)])
    table.writeUInt32LE(0xffff_ffff, 4)
    const bomb = zip({ 'bomb.shp': shp([{ type: 'Polygon', coordinates: [square(125.3, 46.4, 0.01)] }]), 'bomb.dbf': table })
    const r = await alongside(bomb)
    expect(r.status).toBe(400)
    expect(r.body.issues).toEqual([{
      field: '(body)',
      reason: `bomb.dbf's header claims 4294967295 records of ${table.readUInt16LE(10)} bytes after ${table.readUInt16LE(8)} bytes of header, `
        + `${table.readUInt16LE(8) + 0xffff_ffff * table.readUInt16LE(10)} bytes, but the file has ${table.length}`,
    }])
    expect(r.ms).toBeLessThan(1000)
    unhurried(r.worstProbeMs, r.aloneMs)
  })

  it('whose .shp header says another length than the file has is refused', async () => {
    const file = shp([{ type: 'Polygon', coordinates: [square(125.3, 46.4, 0.01)] }])
    file.writeInt32BE(0x7fff_ffff, 24)
    const r = await alongside(zip({ 'long.shp': file, 'long.dbf': dbf([row(1)]) }))
    expect(r.status).toBe(400)
    expect(r.body.issues).toEqual([{ field: '(body)', reason: `long.shp's header says the file has ${0x7fff_ffff * 2} bytes, but it has ${file.length}` }])
  })

  it('of 120,000 tiny rings is refused by counting them from the record headers, not by pairing them', async () => {
    const rings: Ring[][] = Array.from({ length: 120_000 }, (_, i) => [[[125.3 + (i % 300) * 1e-4, 46.4], [125.3 + (i % 300) * 1e-4, 46.40005], [125.30005 + (i % 300) * 1e-4, 46.4], [125.3 + (i % 300) * 1e-4, 46.4]]])
    const bomb = zip({ 'rings.shp': shp([{ type: 'MultiPolygon', coordinates: rings }]), 'rings.dbf': dbf([row(1)]) })
    const r = await alongside(bomb)
    expect(r.status).toBe(400)
    expect(r.body.issues).toEqual([{ field: 'features.0.geometry', reason: `a grid may have at most ${DRAFT_LIMITS.gridPositions} positions; this one has 480000` }])
    expect(r.ms).toBeLessThan(1000)
    unhurried(r.worstProbeMs, r.aloneMs)
  })

  it('of a million-vertex polygon, or grids over the draft’s positions in all, is refused naming the field', async () => {
    // One ring round a square 250,000 times: 1,000,001 positions.
    const bomb = wound('million', [{ ring: square(125.3, 46.4), times: 250_000 }])
    const r = await alongside(bomb)
    expect(r.status).toBe(400)
    expect(r.body.issues).toEqual([{ field: 'features.0.geometry', reason: `a grid may have at most ${DRAFT_LIMITS.gridPositions} positions; this one has 1000001` }])
    expect(r.ms).toBeLessThan(1000)
    unhurried(r.worstProbeMs, r.aloneMs)

    // Eleven grids of 19,001 positions, each under a grid's limit, over the draft's in all.
    const many = wound('many', Array.from({ length: 11 }, (_, i) => ({ ring: square(125.3 + i * 0.02, 46.4), times: 4_750 })))
    const m = await alongside(many)
    expect(m.status).toBe(400)
    expect(m.body.issues).toEqual([{ field: 'features', reason: `a draft may have at most ${DRAFT_LIMITS.draftPositions} positions in all; many.shp has more by record 11` }])
    expect(m.ms).toBeLessThan(1000)
  })

  it('is held to the same limits as GeoJSON, where the contract counts them', async () => {
    // Three rings of 7,000 positions, each within a ring's 10,000: 21,000 in the grid.
    const ringOf = (x: number): Ring => [...Array.from({ length: 6_999 }, (_, i): [number, number] => [x + i * 1e-6, 46.4]), [x, 46.4]]
    const rings = [ringOf(125.3), ringOf(125.31), ringOf(125.32)]
    const body = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: rings }, properties: row(1) }] })
    const r = await alongside(body, 'application/json')
    expect(r.status).toBe(400)
    expect(r.body.issues).toEqual([{ field: 'features.0.geometry', reason: `a grid may have at most ${DRAFT_LIMITS.gridPositions} positions` }])
  })

  it('that passes the headers is read in a worker: the server answers meanwhile, and a read over its time budget is ended with a 422', async () => {
    // Ten grids at 19,001 positions each: within the limits the headers are held to, about the most a file may make the reader do.
    const heavy = wound('heavy', Array.from({ length: 10 }, (_, i) => ({ ring: square(125.3 + i * 0.02, 46.4), times: 4_750 })))
    const alone = await aloneMs()
    let done = false
    const read = shapefileFeatures(heavy).finally(() => { done = true })
    const probes = await probing(() => done)
    const features = ((await read) as { features: unknown[] }).features
    expect(features).toHaveLength(10)
    unhurried(Math.max(...probes), alone)

    await expect(shapefileFeatures(heavy, { budgetMs: 50 })).rejects.toMatchObject({
      status: 422, code: 'unreadable_shapefile', issues: [{ field: '(body)', reason: 'took longer than 0.05 s to read; a community\'s grids take well under one' }],
    })
  })
})
