import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_SEED } from '../../data/seedCity'
import { health } from '../../server/src/db/cityQueries'
import { loadMigrations, migrate, migrationLevel } from '../../server/src/db/migrate'
import { openStore } from '../../server/src/db/openStore'
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

describe('transactions', () => {
  it('leave nothing behind when a later statement fails', async () => {
    const db = await emptyDb()
    try {
      const attempt = db.transaction(async (tx) => {
        await tx.query(`INSERT INTO regions (code, name, level, kind, geom)
          VALUES ('231281000000', '安达市', 'city', 'city', ST_Multi(ST_MakeEnvelope(125, 46, 126, 47, 4326)))`)
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
    const first = await openStore(config, log)
    expect(first.seeded?.grids).toBe(1011)
    const before = await health(first.db)
    const someGrid = await first.db.query('SELECT code, name, households FROM grids ORDER BY code LIMIT 3')
    await first.db.close()

    const second = await openStore(config, log)
    try {
      expect(second.seeded).toBeNull()
      expect(await health(second.db)).toEqual(before)
      expect(await second.db.query('SELECT code, name, households FROM grids ORDER BY code LIMIT 3')).toEqual(someGrid)
    } finally {
      await second.db.close()
    }
  })
})
