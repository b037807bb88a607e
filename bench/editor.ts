import { Draft, type DraftFeature, DraftCheck, PublishResult } from '../contract'
import type { Db } from '../server/src/db/Db'
import { openDb } from '../server/src/db/openDb'
import { openDemoStore } from '../data/demoStore'
import { readConfig } from '../server/src/config'
import { createLogger } from '../server/src/log'
import type { Row } from './foundation'
import { benchKeys, benchStore, startServer, stopServer } from './processes'
import { median, p95 } from './stats'

// The large community of tests/integration/drafts.test.ts, cut into 50 grids and given 500 open cases the same way.
const COMMUNITY = '231281002004'
const GRIDS = 50
const CASES = 500
const CHECKS = 20
const PUBLISHES = 5
const ms = (x: number) => `${x.toFixed(0)} ms`

type Ring = [number, number][]
const ringsOf = (f: DraftFeature): Ring[] => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()) as Ring[]
/** A grid's area in square degrees (a shoelace over its rings), to find the largest. */
const area = (f: DraftFeature) =>
  ringsOf(f).reduce((s, r) => s + Math.abs(r.reduce((t, [x, y], i) => (i === 0 ? t : t + (r[i - 1]![0] * y - x * r[i - 1]![1])), 0)) / 2, 0)
/** A vertical line through the middle of the grid's box, beyond it at both ends: it cuts a convex grid in two. */
function midline(f: DraftFeature): [number, number][] {
  const pts = ringsOf(f).flat()
  const xs = pts.map((p) => p[0])
  const ys = pts.map((p) => p[1])
  const x = Number(((Math.min(...xs) + Math.max(...xs)) / 2).toFixed(6))
  return [[x, Math.min(...ys) - 0.001], [x, Math.max(...ys) + 0.001]]
}

/** The test's 500 open cases: random points in the community (seeded), each in the current grid covering it. */
const INSERT_CASES = `
  WITH c AS (SELECT id, parent_id, geom FROM regions WHERE code = $1)
  INSERT INTO cases (code, category, kind, source, geom, grid_id, community_id, township_id, level, state, reported_at, due_at)
  SELECT 'PERF' || lpad(p.path[1]::text, 6, '0'), 'dispute', 'neighbour', 'grid_worker', p.geom,
         (SELECT g.id FROM grids g WHERE g.valid_to IS NULL AND ST_Covers(g.geom, p.geom) ORDER BY g.code LIMIT 1),
         c.id, c.parent_id, 'grid', 'collected', now(), now() + interval '3 days'
  FROM c, ST_Dump(ST_GeneratePoints(c.geom, ${CASES}, 7)) p
  RETURNING id`

/** What a check cannot avoid: the draft's grids parsed and unioned, and the community's area they leave uncovered, at the store's 1e-6 precision. */
const BARE_CHECK = `
  SELECT ST_Area(ST_Difference(
    (SELECT r.geom FROM grid_drafts d JOIN regions r ON r.code = d.community_code WHERE d.id = $1),
    (SELECT ST_Union(g.geom, 1e-6) FROM grid_drafts d, draft_grids(d.features) g WHERE d.id = $1), 1e-6)::geography) AS m2`

/**
 * The row writes of a publish and nothing else, committed: the community's 50 current grids closed and
 * copied as their next versions (geometry copied, not computed), and `$3` open cases pointed at the copies.
 */
async function bareWrites(db: Db, community: string, moved: number): Promise<number> {
  const t = performance.now()
  await db.transaction(async (tx) => {
    const closed = await tx.query<{ id: number }>(`
      UPDATE grids g SET valid_to = now() FROM regions r
      WHERE r.code = $1 AND g.community_id = r.id AND g.valid_to IS NULL RETURNING g.id`, [community])
    await tx.query(`
      INSERT INTO grids (code, version, name, community_id, kind, households, leaders, fulltime_workers, parttime_workers, geom, valid_from)
      SELECT code, version + 1, name, community_id, kind, households, leaders, fulltime_workers, parttime_workers, geom, now()
      FROM grids WHERE id = ANY ($1::bigint[])`, [closed.map((g) => g.id)])
    await tx.query(`
      UPDATE cases c SET grid_id = n.id FROM grids o, grids n
      WHERE c.id IN (SELECT k.id FROM cases k JOIN regions r ON r.id = k.community_id WHERE r.code = $1 AND k.state <> 'closed' ORDER BY k.id LIMIT $2)
        AND o.id = c.grid_id AND n.code = o.code AND n.valid_to IS NULL`, [community, moved])
  })
  return performance.now() - t
}

/**
 * The analysts' editor at the scale of a large community, on a server in its own process driven over
 * HTTP as an analyst: the check of a 50-grid draft, and its publish with 500 open cases. The baselines
 * run on the same store in this process once the server is stopped (PGlite's data directory has one
 * owner at a time), so both engines get one.
 */
export async function editorBench(engine: 'pglite' | 'pg', pgUrl?: string): Promise<Row[]> {
  const log = createLogger('silent')
  const store = await benchStore(engine, 'editor', pgUrl)
  const config = readConfig({ ...store.env })
  try {
    // The city and the cases before the server starts: it then finds a built city, and the cases go in by SQL as in the test.
    const seeded = (await openDemoStore(config, log)).db
    const inserted = await seeded.query(INSERT_CASES, [COMMUNITY]).finally(() => seeded.close())
    if (inserted.length !== CASES) throw new Error(`inserted ${inserted.length} cases, not ${CASES}`)

    const port = 22_000 + (process.pid % 1000)
    const base = `http://127.0.0.1:${port}/api/v1/drafts`
    let analystKey = ''
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method, headers: { authorization: `Bearer ${analystKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const json: unknown = await res.json()
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
      return json
    }
    const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
      const t = performance.now()
      const r = await f()
      return [r, performance.now() - t]
    }
    /** A new draft of the community's current grids replaced by `features`, at its new version. */
    const draftOf = async (features: DraftFeature[]) => {
      const d = Draft.parse(await api('POST', '', { community: COMMUNITY }))
      return Draft.parse(await api('PUT', `/${d.id}`, { features: { type: 'FeatureCollection', features }, expectedVersion: d.version }))
    }

    const server = await startServer('server/src/main.ts', store.env, port)
    analystKey = (await benchKeys(`http://127.0.0.1:${port}`)).analyst
    const checks: number[] = []
    const publishes: number[] = []
    let moved = 0
    let fiftyId = 0
    try {
      let d = Draft.parse(await api('POST', '', { community: COMMUNITY }))
      const original = d.features.features
      while (d.grids < GRIDS) {
        const biggest = [...d.features.features].sort((x, y) => area(y) - area(x))[0]!
        d = Draft.parse(((await api('POST', `/${d.id}/split`, { code: biggest.properties.code, line: midline(biggest), expectedVersion: d.version })) as { draft: unknown }).draft)
      }
      const fifty = d.features.features
      fiftyId = d.id
      // One untimed check first: the server's first request of a kind pays for compiling and planning it.
      await api('GET', `/${d.id}/check`)
      for (let i = 0; i < CHECKS; i++) {
        const [check, t] = await timed(() => api('GET', `/${d.id}/check`))
        if (DraftCheck.parse(check).errors.length > 0) throw new Error(`the ${GRIDS}-grid draft does not check: ${JSON.stringify(check)}`)
        checks.push(t)
      }
      for (let i = 0; i < PUBLISHES; i++) {
        // Each run on a fresh draft of the same redraw, from the same current grids: the original grids published back in between (untimed).
        if (i > 0) {
          const back = await draftOf(original)
          await api('POST', `/${back.id}/publish`, { expectedVersion: back.version, note: '基准测试：恢复原网格' })
          d = await draftOf(fifty)
        }
        const [result, t] = await timed(() => api('POST', `/${d.id}/publish`, { expectedVersion: d.version, note: '基准测试：五十个网格' }))
        const moves = PublishResult.parse(result).moves.length
        // The reset is right only if every run moves the same cases.
        if (i > 0 && moves !== moved) throw new Error(`publish ${i + 1} moved ${moves} cases, the first ${moved}`)
        moved = moves
        publishes.push(t)
      }
    } finally {
      await stopServer(server)
    }

    const db = await openDb(config, log)
    const bareChecks: number[] = []
    const bareWrite: number[] = []
    try {
      await db.query(BARE_CHECK, [fiftyId])
      for (let i = 0; i < CHECKS; i++) bareChecks.push((await timed(() => db.query(BARE_CHECK, [fiftyId])))[1])
      for (let i = 0; i < PUBLISHES; i++) bareWrite.push(await bareWrites(db, COMMUNITY, moved))
    } finally {
      await db.close()
    }
    return [{
      measure: `GET /drafts/:id/check, ${GRIDS}-grid community draft, median / p95 of ${CHECKS}`, engine,
      value: `${ms(median(checks))} / ${ms(p95(checks))}`,
      baseline: `${ms(median(bareChecks))} / ${ms(p95(bareChecks))} bare ST_Union + ST_Area(community − union) in SQL; target ≤ 500 ms`,
    }, {
      measure: `POST /drafts/:id/publish, ${GRIDS} grids, ${CASES} open cases (${moved} moved), median of ${PUBLISHES}`, engine,
      value: ms(median(publishes)),
      baseline: `${ms(median(bareWrite))} bare transaction: ${moved} case UPDATEs, ${GRIDS} grid INSERTs, ${GRIDS} grid UPDATEs; target ≤ 500 ms`,
    }]
  } finally {
    await store.drop()
  }
}
