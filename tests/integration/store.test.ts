import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_SEED } from '../../data/seedCity'
import { health } from '../../server/src/db/cityQueries'
import { loadMigrations, migrate, migrationLevel } from '../../server/src/db/migrate'
import { openDemoStore } from '../../data/demoStore'
import { createLogger } from '../../server/src/log'
import { emptyDb, ownPgDatabase, engine } from '../support/testDb'

const log = createLogger('silent')

describe('migrations', () => {
  it('apply in order, once, recorded in schema_migrations', async () => {
    const db = await emptyDb()
    try {
      const files = loadMigrations()
      expect(await migrationLevel(db)).toEqual({ version: files.at(-1)!.version, name: files.at(-1)!.name })
      await migrate(db)
      const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      expect(rows.map((r) => r.version)).toEqual(files.map((f) => f.version))
    } finally {
      await db.close()
    }
  })
})

describe('the wall migration', () => {
  it('gives a store seeded before it its grids’ camera cover, its fixes’ grids and the grids’ last visits', async () => {
    const db = await emptyDb(4)
    try {
      // One grid with a camera in its middle and a patrol unit that passed through it.
      await db.exec(`
        INSERT INTO regions (code, name, level, kind, parent_id, geom) VALUES
          ('231281000000', '安达市', 'city', 'city', NULL, ST_Multi(ST_MakeEnvelope(125, 46, 126, 47, 4326)));
        INSERT INTO regions (code, name, level, kind, parent_id, geom)
          SELECT '231281001000', '新兴街道', 'township', 'street', id, geom FROM regions WHERE code = '231281000000';
        INSERT INTO regions (code, name, level, kind, parent_id, geom)
          SELECT '231281001001', '一社区', 'community', 'community', id, geom FROM regions WHERE code = '231281001000';
        INSERT INTO grids (code, name, community_id, kind, households, geom, valid_from)
          SELECT '231281001001001', '一网格', id, 'urban', 250,
                 ST_Multi(ST_MakeEnvelope(125.30, 46.39, 125.32, 46.41, 4326)), '2025-01-01' FROM regions WHERE code = '231281001001';
        INSERT INTO cameras (code, class, capture, site, bearing_deg, fov_deg, range_m, state, state_changed_at, geom)
          SELECT 'C1', 'A', 'video', 'junction', 45, 90, 100, 'online', '2026-01-01', ST_Centroid(geom) FROM grids;
        INSERT INTO patrol_units (code, kind, call_sign, region_id) SELECT 'PU-1', 'police', '巡01', id FROM regions WHERE level = 'township';
        INSERT INTO patrol_fixes (unit_id, at, geom) SELECT u.id, '2026-11-23T01:00:00Z', ST_Centroid(g.geom) FROM patrol_units u, grids g;`)
      await migrate(db)
      const [cover] = await db.query<{ cameras: number; online: number; designed_m2: number; working_m2: number }>(
        `SELECT cameras, online, designed_m2, working_m2 FROM grid_camera_cover WHERE grid_code = '231281001001001'`)
      expect(cover).toMatchObject({ cameras: 1, online: 1, working_m2: cover!.designed_m2 })
      // A quarter disc of 100 m, drawn as a fan of nine chords.
      expect(cover!.designed_m2 / ((Math.PI * 100 ** 2) / 4)).toBeCloseTo(0.995, 2)
      expect(await db.query('SELECT grid_code FROM patrol_fixes')).toEqual([{ grid_code: '231281001001001' }])
      const visits = await db.query<{ grid_code: string; last_at: Date }>('SELECT grid_code, last_at FROM grid_patrol_visits')
      expect(visits.map((v) => [v.grid_code, v.last_at.toISOString()])).toEqual([['231281001001001', '2026-11-23T01:00:00.000Z']])
    } finally {
      await db.close()
    }
  })
})

describe('the drill migration', () => {
  it('gives the cases of a store seeded before it version 1 and no assignee, and a roster of posts from the grids’ counts', async () => {
    const db = await emptyDb(5)
    try {
      await db.exec(`
        INSERT INTO regions (code, name, level, kind, parent_id, geom) VALUES
          ('231281000000', '安达市', 'city', 'city', NULL, ST_Multi(ST_MakeEnvelope(125, 46, 126, 47, 4326)));
        INSERT INTO regions (code, name, level, kind, parent_id, geom)
          SELECT '231281001000', '新兴街道', 'township', 'street', id, geom FROM regions WHERE code = '231281000000';
        INSERT INTO regions (code, name, level, kind, parent_id, geom)
          SELECT '231281001001', '一社区', 'community', 'community', id, geom FROM regions WHERE code = '231281001000';
        INSERT INTO grids (code, name, community_id, kind, households, leaders, fulltime_workers, parttime_workers, geom, valid_from)
          SELECT '231281001001001', '一网格', id, 'urban', 250, 1, 2, 0, ST_Multi(ST_MakeEnvelope(125.30, 46.39, 125.32, 46.41, 4326)), '2025-01-01'
          FROM regions WHERE code = '231281001001';
        INSERT INTO cases (code, category, kind, source, geom, grid_id, community_id, township_id, level, state, reported_at, due_at)
          SELECT 'AD1', 'dispute', 'land', 'grid_worker', ST_SetSRID(ST_MakePoint(125.31, 46.40), 4326), g.id, c.id, c.parent_id,
                 'grid', 'collected', '2026-11-23', '2026-11-26' FROM grids g JOIN regions c ON c.id = g.community_id;
        INSERT INTO case_history (case_id, step, actor_role, level, at) SELECT id, 'collect', 'grid_worker', 'grid', '2026-11-23' FROM cases;`)
      await migrate(db)
      expect(await db.query('SELECT version, assignee FROM cases')).toEqual([{ version: 1, assignee: null }])
      expect(await db.query('SELECT code, role FROM grid_worker_roster ORDER BY rank, post_no')).toEqual([
        { code: '231281001001001-L1', role: 'leader' }, { code: '231281001001001-F1', role: 'fulltime' }, { code: '231281001001001-F2', role: 'fulltime' },
      ])
      const history = (step: string, assignee: string | null) => db.query(
        `INSERT INTO case_history (case_id, step, actor_role, level, at, assignee) SELECT id, $1, 'duty_leader', 'grid', now(), $2 FROM cases`, [step, assignee])
      await history('assign', '231281001001001-F1')
      await expect(history('assign', null)).rejects.toThrow(/case_history_assign_names_post/)
      await expect(history('verify', '231281001001001-F1')).rejects.toThrow(/case_history_assign_names_post/)
      await expect(history('assign', '张三')).rejects.toThrow(/case_history_assignee_check/)
      await expect(db.query(`UPDATE cases SET assignee = '张三'`)).rejects.toThrow(/cases_assignee_check/)
    } finally {
      await db.close()
    }
  })
})

describe('transactions', () => {
  it('leave nothing behind when a later statement fails', async () => {
    const db = await emptyDb()
    try {
      const attempt = db.transaction(async (tx) => {
        await tx.query(`INSERT INTO regions (code, name, level, kind, geom)
          VALUES ('231281000000', '安达市', 'county', 'city', ST_Multi(ST_MakeEnvelope(125, 46, 126, 47, 4326)))`)
        await tx.query(`INSERT INTO regions (code, name, level, kind, geom) VALUES ('bad', 'x', 'city', 'city', NULL)`)
      })
      await expect(attempt).rejects.toThrow()
      expect(await db.query('SELECT code FROM regions')).toEqual([])
    } finally {
      await db.close()
    }
  })
})

describe('a restart', () => {
  const cleanup: (() => Promise<void> | void)[] = []
  afterAll(async () => {
    for (const c of cleanup) await c()
  })

  it('keeps the city: the second start finds it and builds nothing', async () => {
    let config: { databaseUrl: string | undefined; dataDir: string; seed: string }
    if (engine === 'pg') {
      const database = await ownPgDatabase()
      cleanup.push(database.drop)
      config = { databaseUrl: database.url, dataDir: '', seed: DEFAULT_SEED }
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'gridgov-restart-'))
      cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
      config = { databaseUrl: undefined, dataDir, seed: DEFAULT_SEED }
    }
    const first = await openDemoStore(config, log)
    expect(first.seeded?.grids).toBe(1011)
    const before = await health(first.db)
    const someGrid = await first.db.query('SELECT code, name, households FROM grids ORDER BY code LIMIT 3')
    await first.db.close()

    const second = await openDemoStore(config, log)
    try {
      expect(second.seeded).toBeNull()
      expect(await health(second.db)).toEqual(before)
      expect(await second.db.query('SELECT code, name, households FROM grids ORDER BY code LIMIT 3')).toEqual(someGrid)
    } finally {
      await second.db.close()
    }
  })
})
