import { join } from 'node:path'
import type { Pt } from '../data/city/geo'
import { seedCity } from '../data/seedCity'
import { seedProvince } from '../data/seedProvince'
import { tileAt } from '../domain/tileMath'
import { gridAt } from '../server/src/db/cityQueries'
import type { Db } from '../server/src/db/Db'
import { migrate } from '../server/src/db/migrate'
import { pgDb } from '../server/src/db/pgDb'
import { sqlFiles } from '../server/src/db/sqlFiles'
import { createLogger } from '../server/src/log'
import { createTileSource } from '../server/src/tiles/tileSource'
import type { Row } from './foundation'
import { launchChromium } from '../tests/support/browser'
import { accountCommands } from '../server/src/accounts/accounts'
import { systemClock } from '../server/src/clock'
import { GUIZHOU } from '../data/province/guizhou'
import { benchKeys, startServer, stopServer } from './processes'
import { median, p95, p99, timed } from './stats'
import { openWall } from './wall'

const sql = sqlFiles(['point_bare', 'province_points', 'tile_bare'], join(import.meta.dirname, 'sql'))
const log = createLogger('silent')
const POINTS = 10_000
/** The issue asks for Guizhou's counts (1); BENCH_PROVINCE_SCALE shrinks the province while working on the bench itself. */
const SCALE = Number(process.env.BENCH_PROVINCE_SCALE ?? 1)
/** At most this many tiles a zoom over the province, the first met by the random points. */
const TILES = 300
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`
const minutes = (x: number) => `${Math.floor(x / 60_000)} min ${Math.round((x % 60_000) / 1000)} s`

/** A database of this bench's own on the server `pgUrl` names, made empty (one left by a run that died is dropped). */
export async function ownDatabase(pgUrl: string, name: string): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  const admin = pgDb(pgUrl, log, 1)
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.exec(`CREATE DATABASE ${name}`)
  const url = new URL(pgUrl)
  url.pathname = `/${name}`
  const db = pgDb(url.toString(), log, 4)
  return { db, url: url.toString(), drop: async () => { await db.close(); await admin.exec(`DROP DATABASE ${name} WITH (FORCE)`); await admin.close() } }
}

/**
 * Each wall's first complete frame at 4K (as bench/wall.ts times the city's), its server a process of its own
 * as `npm start` runs it: the first load after the server started, then the median of three more, the two walls
 * taking turns. The province's is its own centre's wall display (`/wall` of an account scoped to the province).
 */
async function wallFirstFrames(walls: { url: string; key: (base: string, db: Db) => Promise<string>; db: Db; demoAccounts: boolean }[]) {
  const browser = await launchChromium()
  const servers = await Promise.all(walls.map(async (w, i) => {
    const port = 21_000 + (process.pid % 1000) + i
    const server = await startServer('server/src/main.ts', { DATABASE_URL: w.url, DEMO_ACCOUNTS: w.demoAccounts ? '1' : '0' }, port)
    const base = `http://127.0.0.1:${port}`
    return { server, base, key: await w.key(base, w.db) }
  }))
  try {
    const times = walls.map(() => [] as number[])
    for (let round = 0; round < 4; round++) {
      for (const [i, s] of servers.entries()) {
        const { page, firstFrameMs } = await openWall(browser, s.base, s.key)
        times[i]!.push(firstFrameMs)
        await page.context().close()
      }
    }
    return times.map(([first, ...rest]) => ({ first: first!, median: median(rest), runs: rest }))
  } finally {
    await browser.close()
    for (const s of servers) await stopServer(s.server)
  }
}

/**
 * The province (issue 21) on a PostGIS server, in databases of its own dropped afterwards: Guizhou's 134,500 grids
 * seeded (beside the demo city seeded on the same server), then the server's point lookup (grid_at.sql: the grid and
 * its chain up to the province) at 10,000 random points beside the bare ST_Intersects on the same index, each point
 * asked of both in turn, the order alternating; then grid tiles at zooms 12 and 13, each rendered once uncached by
 * the server's tile source beside the same tile's grids read bare (bench/sql/tile_bare.sql): 300 tiles met by the
 * random points (mostly countryside), and the tiles over the 88 county seats (the densest).
 */
export async function provinceBench(pgUrl: string): Promise<Row[]> {
  const rows: Row[] = []
  const city = await ownDatabase(pgUrl, 'province_bench_city')
  const { db, url, drop } = await ownDatabase(pgUrl, 'province_bench')
  try {
    await migrate(city.db)
    const cityMs = (await seedCity(city.db)).ms
    await migrate(db)
    const report = await seedProvince(db, { scale: SCALE })
    rows.push({
      measure: `seeding the province (${report.regions.prefecture} prefectures, ${report.regions.county} counties, ${report.regions.township.toLocaleString('en')} townships, `
        + `${report.regions.community.toLocaleString('en')} communities, ${report.grids.toLocaleString('en')} grids, ${report.cameras.toLocaleString('en')} cameras, `
        + `${report.cases.toLocaleString('en')} cases with ${report.caseSteps.toLocaleString('en')} steps)`,
      engine: 'pg',
      value: minutes(report.ms),
      baseline: `${minutes(cityMs)} the demo city (1,011 grids) on the same server; target ≤ 15 min`,
    })

    const [sample] = await db.query<{ points: Pt[]; seats: Pt[] }>(sql.province_points, [POINTS])
    const { points, seats } = sample!
    // A first, untimed pass over every point reads the grids' pages into the cache (the store is fresh from the
    // seed): the timed pass is the lookup of a running server, whose grids stay in memory, not a cold disk's.
    for (const [lon, lat] of points) {
      await gridAt(db, lon, lat)
      await db.query(sql.point_bare, [lon, lat])
    }
    const api: number[] = []
    const bare: number[] = []
    let found = 0
    for (const [i, [lon, lat]] of points.entries()) {
      const lookup = async () => api.push(await timed(async () => { if ((await gridAt(db, lon, lat))?.regions.length === 5) found++ }))
      const raw = async () => bare.push(await timed(() => db.query(sql.point_bare, [lon, lat])))
      if (i % 2 === 0) { await lookup(); await raw() } else { await raw(); await lookup() }
    }
    rows.push({
      measure: `grid at a point with its chain to the province (grid_at.sql), ${POINTS.toLocaleString('en')} random points over ${report.grids.toLocaleString('en')} grids (${found.toLocaleString('en')} found with 5 levels), median / p99`,
      engine: 'pg',
      value: `${ms(median(api))} / ${ms(p99(api))}`,
      baseline: `${ms(median(bare))} / ${ms(p99(bare))} bare ST_Intersects on the same index; target ≤ 1 ms p99`,
    })

    for (const z of [12, 13]) {
      const distinct = (at: readonly Pt[]) => [...new Map(at.map((p) => tileAt(p, z)).map((t) => [`${t.x}/${t.y}`, t])).values()]
      for (const [where, tiles] of [['random', distinct(points).slice(0, TILES)], ['seat', distinct(seats)]] as const) {
        // A source of its own, so every tile asked is a miss.
        const source = await createTileSource(db)
        const uncached: number[] = []
        const raw: number[] = []
        let bytes = 0
        for (const [i, t] of tiles.entries()) {
          const render = async () => uncached.push(await timed(async () => { bytes += (await source.tile({ layer: 'grids', ...t })).length }))
          const baseline = async () => raw.push(await timed(() => db.query(sql.tile_bare, [t.z, t.x, t.y])))
          if (i % 2 === 0) { await render(); await baseline() } else { await baseline(); await render() }
        }
        rows.push({
          measure: `grid tile at zoom ${z}, uncached, ${tiles.length} tiles ${where === 'random' ? 'met by the random points' : 'over the county seats (the densest)'} (`
            + `${(bytes / tiles.length / 1024).toFixed(1)} KiB each on average; ${source.encoder === 'postgis' ? 'ST_AsMVT' : 'SQL + Node encoder'}), median / p95`,
          engine: 'pg',
          value: `${ms(median(uncached))} / ${ms(p95(uncached))}`,
          baseline: `${ms(median(raw))} / ${ms(p95(raw))} the tile's grids read bare as GeoJSON; target ≤ 50 ms p95`,
        })
      }
    }

    const [cityWall, provinceWall] = await wallFirstFrames([
      { url: city.url, db: city.db, demoAccounts: true, key: async (base) => (await benchKeys(base)).wall },
      {
        url, db, demoAccounts: false,
        key: async (_base, store) => {
          const accounts = accountCommands({ db: store, clock: systemClock })
          await accounts.add({ login: 'gz-wall', displayName: `${GUIZHOU.name}指挥中心大屏`, role: 'wall_display', scope: { region: GUIZHOU.code } })
          return (await accounts.issueKey('gz-wall', 'bench')).key
        },
      },
    ])
    const s = (x: number) => `${(x / 1000).toFixed(2)} s`
    rows.push({
      measure: `/wall of the province's centre → first complete frame at 4K (tiles, its cases binned), first load after start / median of 3 more`,
      engine: 'pg',
      value: `${s(provinceWall!.first)} / ${s(provinceWall!.median)}`,
      baseline: `${s(cityWall!.first)} / ${s(cityWall!.median)} the demo city's /wall (GeoJSON) in turn with it; target ≤ 3 s`,
    })
  } finally {
    await drop()
    await city.drop()
  }
  return rows
}
